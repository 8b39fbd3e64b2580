// The live contract run's table covers every GET of the spec, each case safe and fitting the spec.
import { specPath } from "@cxkit/mocks";
import { liveCaseCoverage } from "@cxkit/mocks/contract";
import { expect, test } from "vitest";
import { alpharunLiveCases } from "../../src/live-cases.js";

test("every GET operation of the spec has a live case or a reason not to run, and every case fits the spec", async () => {
  const coverage = await liveCaseCoverage({
    spec: specPath("alpharun"),
    table: alpharunLiveCases,
    label: "alpharun",
  });
  expect(coverage.safe.length).toBeGreaterThan(0);
  expect(coverage.missing, "GET operations with neither a case nor a reason in alpharunLiveCases").toEqual(
    [],
  );
  expect(coverage.problems, "cases that do not fit the spec").toEqual([]);
});
