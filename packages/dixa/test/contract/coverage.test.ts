import { specPath } from "@cxkit/mocks";
import { contractCoverage } from "@cxkit/mocks/contract";
import { expect, test } from "vitest";

test("every dixa operation has a happy-path and a failure-path contract test", async () => {
  const coverage = await contractCoverage({
    spec: specPath("dixa"),
    testDir: new URL("./", import.meta.url),
    label: "dixa",
  });
  const lacking = new Map(coverage.missing.map(({ operationId, lacks }) => [operationId, lacks]));
  const lines = coverage.operations.map((operationId) => {
    const lacks = lacking.get(operationId);
    return lacks ? `  missing ${lacks.join(" and ")}: ${operationId}` : `  happy and failure: ${operationId}`;
  });
  console.log([coverage.summary, ...lines].join("\n"));
  expect(coverage.operations.length).toBeGreaterThan(0);
  expect(coverage.missing).toEqual([]);
  expect(coverage.unknown).toEqual([]);
});
