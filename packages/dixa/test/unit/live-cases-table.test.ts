// The live contract run's table covers every GET of the spec, each case safe and fitting the spec.
import { specPath } from "@cxkit/mocks";
import { liveCaseCoverage } from "@cxkit/mocks/contract";
import { expect, test } from "vitest";
import { dixaLiveCases } from "../../src/live-cases.js";

test("every GET operation of the spec has a live case or a reason not to run, and every case fits the spec", async () => {
  const coverage = await liveCaseCoverage({ spec: specPath("dixa"), table: dixaLiveCases, label: "dixa" });
  expect(coverage.safe.length).toBeGreaterThan(0);
  expect(coverage.missing, "GET operations with neither a case nor a reason in dixaLiveCases").toEqual([]);
  expect(coverage.problems, "cases that do not fit the spec").toEqual([]);
});
