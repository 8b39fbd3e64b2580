// The table of paginated operations covers every operation of the spec that takes the cursor.
import { specPath } from "@cxkit/mocks";
import { paginationCoverage } from "@cxkit/mocks/contract";
import { expect, test } from "vitest";
import { alpharunPagination } from "../../src/index.js";

test("every operation with a cursor query parameter is in the table of paginated operations", async () => {
  const { paginated, missing, extra } = await paginationCoverage({
    spec: specPath("alpharun"),
    table: alpharunPagination,
  });
  expect(paginated.length).toBeGreaterThan(0);
  expect(missing, "missing from alpharunPagination").toEqual([]);
  expect(extra, "listed but not paginated").toEqual([]);
});
