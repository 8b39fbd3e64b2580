// Header parameters (style `simple`) and request bodies: JSON with its content type, or nothing at all.
// @see https://spec.openapis.org/oas/v3.0.3#style-values
import { type ConformanceCase, call, DEFAULT_ITEM } from "../engine.js";

const json = "application/json";
const getHeaders = (init: Parameters<typeof call<"/headers", "get">>[2]) => call("get", "/headers", init);

export const headerCases: ConformanceCase[] = [
  {
    name: "sends string, integer and boolean header parameters as their text",
    call: getHeaders({
      params: { header: { "X-Trace-Id": "trace-1", "X-Page-Size": 50, "X-Dry-Run": true } },
    }),
    sent: {
      method: "GET",
      target: "/api/headers",
      headers: { "x-trace-id": "trace-1", "x-page-size": "50", "x-dry-run": "true" },
      body: "",
    },
  },
  {
    name: "sends an array header parameter as one comma-separated value",
    call: getHeaders({ params: { header: { "X-Tags": ["a", "b"] } } }),
    sent: { method: "GET", target: "/api/headers", headers: { "x-tags": "a,b" }, body: "" },
  },
  {
    name: "lets a per-call header replace the client's header of the same name",
    call: getHeaders({ headers: { "X-Client": "per-call" } }),
    sent: { method: "GET", target: "/api/headers", headers: { "x-client": "per-call" }, body: "" },
  },
  {
    name: "lets a per-call null header remove the client's header",
    call: getHeaders({ headers: { "X-Client": null } }),
    sent: { method: "GET", target: "/api/headers", headers: { "x-client": undefined }, body: "" },
  },
];

export const bodyCases: ConformanceCase[] = [
  {
    name: "sends a JSON body as UTF-8 JSON with its content type",
    call: call("post", "/items", {
      body: { name: "Zoë ☕", note: null, tags: ["a"], meta: { nested: { n: 1, ok: true } } },
    }),
    answer: { status: 201, body: DEFAULT_ITEM },
    sent: {
      method: "POST",
      target: "/api/items",
      headers: { "content-type": json },
      body: '{"name":"Zoë ☕","note":null,"tags":["a"],"meta":{"nested":{"n":1,"ok":true}}}',
    },
    returned: { status: 201, data: DEFAULT_ITEM },
  },
  {
    name: "leaves undefined properties out of a JSON body",
    call: call("put", "/items/{itemId}", {
      params: { path: { itemId: "item-1" } },
      body: { name: "x", meta: { gone: undefined } },
    }),
    sent: {
      method: "PUT",
      target: "/api/items/item-1",
      headers: { "content-type": json },
      body: '{"name":"x","meta":{}}',
    },
  },
  {
    name: "sends no body and no content type for an operation without a request body",
    call: call("post", "/items/{itemId}/archive", { params: { path: { itemId: "item-1" } } }),
    sent: {
      method: "POST",
      target: "/api/items/item-1/archive",
      headers: { "content-type": undefined },
      body: "",
    },
  },
  {
    name: "sends a DELETE without a body and gives `data` undefined for its 204",
    call: call("delete", "/items/{itemId}", { params: { path: { itemId: "item-1" } } }),
    answer: { status: 204 },
    sent: { method: "DELETE", target: "/api/items/item-1", body: "" },
    returned: { status: 204, data: undefined },
  },
];
