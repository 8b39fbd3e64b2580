import { fileURLToPath } from "node:url";
import { expect, test } from "vitest";
import { liveCaseCoverage } from "../src/contract.js";

const spec = fileURLToPath(new URL("./fixtures/shop.yaml", import.meta.url));
const paging = { size: "limit", cursor: "cursor" };
const order = { from: "GET /orders", pointer: "/data/0/id", thing: "order" };

test("a table with a case or a reason for every GET and HEAD covers the spec, with the spec's smallest page", async () => {
  const coverage = await liveCaseCoverage({
    spec,
    label: "shop",
    table: {
      paging,
      cases: [
        { operation: "GET /orders", query: { status: "open" } },
        { operation: "GET /orders/{orderId}", params: { orderId: order } },
        { operation: "HEAD /orders/{orderId}", params: { orderId: order } },
      ],
      notRun: { "GET /reports/{reportId}": "no list returns report ids" },
    },
  });
  expect(coverage.safe).toEqual([
    "GET /orders",
    "GET /orders/{orderId}",
    "HEAD /orders/{orderId}",
    "GET /reports/{reportId}",
  ]);
  expect(coverage.missing).toEqual([]);
  expect(coverage.problems).toEqual([]);
  expect(coverage.pageSizes).toEqual({ "GET /orders": 5 });
  expect(coverage.operationIds["HEAD /orders/{orderId}"]).toBe("checkOrder");
  expect(coverage.summary).toBe(
    "shop: 4 of 4 GET/HEAD operations have a live case or a reason not to run (3 cases, 1 reason)",
  );
});

test("names each GET without a case and each case that is unsafe or does not fit the spec", async () => {
  const coverage = await liveCaseCoverage({
    spec,
    table: {
      paging,
      cases: [
        { operation: "POST /orders" },
        { operation: "GET /orders/{orderId}", params: { orderId: order } },
        { operation: "GET /orders", query: { cursor: "abc", color: "red" } },
        { operation: "GET /invoices" },
        { operation: "HEAD /orders/{orderId}", params: { id: order } },
      ],
      notRun: { "POST /orders": "it writes", "GET /orders/{orderId}": " " },
    },
  });
  expect(coverage.missing).toEqual(["GET /reports/{reportId}"]);
  expect(coverage.problems).toEqual([
    "POST /orders: POST is not read-only (GET or HEAD only)",
    "POST /orders: has both a case and a reason not to run",
    "GET /orders/{orderId}: has both a case and a reason not to run",
    "GET /orders/{orderId}: {orderId} comes from GET /orders, not a case above it",
    "GET /orders: sets cursor, which the run sets (one page, the smallest size)",
    "GET /orders: the spec has no query parameter color",
    "GET /invoices: the spec has no such operation",
    "HEAD /orders/{orderId}: no source for the path parameter {orderId}",
    "HEAD /orders/{orderId}: {id} is not in its path",
    "POST /orders: has a reason not to run, but is no GET/HEAD operation of the spec",
    "GET /orders/{orderId}: its reason not to run is empty",
  ]);
});
