// What a call gives back: JSON bodies parsed, bodies that are not what the spec says reported, error
// bodies returned as `error`, and each `parseAs` mode. Results are compared in plain data: a Blob as
// `{ blob: { type, text } }`, an ArrayBuffer as `{ arrayBuffer: text }`, a stream as `{ stream: text }`.
import { type ConformanceCase, call, DEFAULT_ITEM } from "../engine.js";

const getItem = call("get", "/items/{itemId}", { params: { path: { itemId: "item-1" } } });
const sentItem = { method: "GET", target: "/api/items/item-1", body: "" };
const REPORT = "line 1\nline 2 ☕";
const report = (parseAs: "text" | "blob" | "arrayBuffer" | "stream") =>
  call("get", "/reports/{reportId}", { params: { path: { reportId: "r1" } }, parseAs });
const sentReport = { method: "GET", target: "/api/reports/r1", body: "" };
const octets = { "content-type": "application/octet-stream" };

export const responseCases: ConformanceCase[] = [
  {
    name: "parses a JSON body sent chunked, without Content-Length",
    call: getItem,
    answer: { status: 200, body: DEFAULT_ITEM, chunked: true },
    sent: sentItem,
  },
  {
    name: "reports a 200 with an empty body where the spec promises JSON",
    call: getItem,
    answer: { status: 200, body: "", headers: { "content-type": "application/json" } },
    sent: sentItem,
    returned: { throws: "InvalidResponseError" },
  },
  {
    name: "reports a 200 with a body that is not JSON where the spec promises JSON",
    call: getItem,
    answer: { status: 200, body: "<html>maintenance</html>", headers: { "content-type": "text/html" } },
    sent: sentItem,
    returned: { throws: "InvalidResponseError" },
  },
  {
    name: "returns a JSON error body as `error`",
    call: getItem,
    answer: { status: 404, body: { message: "no such item" } },
    sent: sentItem,
    returned: { status: 404, error: { message: "no such item" } },
  },
  {
    name: "returns an error body that is not JSON as its text",
    call: getItem,
    answer: { status: 403, body: "<html>Forbidden</html>", headers: { "content-type": "text/html" } },
    sent: sentItem,
    returned: { status: 403, error: "<html>Forbidden</html>" },
  },
  {
    // Note: a hazard of openapi-fetch's, kept on purpose (ARCHITECTURE.md): `if (error)` misses this failure.
    name: "gives `error` undefined for an error with an empty body, the status in `response`",
    call: getItem,
    answer: { status: 404 },
    sent: sentItem,
    returned: { status: 404, error: undefined },
  },
  {
    name: "gives `data` undefined for a HEAD",
    call: call("head", "/items/{itemId}", { params: { path: { itemId: "item-1" } } }),
    answer: { status: 200, headers: { "content-type": "application/json" } },
    sent: { method: "HEAD", target: "/api/items/item-1", body: "" },
    returned: { status: 200, data: undefined },
  },
  {
    name: 'returns the body as a string with `parseAs: "text"`',
    call: report("text"),
    answer: { status: 200, body: REPORT },
    sent: sentReport,
    returned: { status: 200, data: REPORT },
  },
  {
    name: 'returns the body as a Blob with `parseAs: "blob"`',
    call: report("blob"),
    answer: { status: 200, body: REPORT, headers: octets },
    sent: sentReport,
    returned: { status: 200, data: { blob: { type: "application/octet-stream", text: REPORT } } },
  },
  {
    name: 'returns the body as an ArrayBuffer with `parseAs: "arrayBuffer"`',
    call: report("arrayBuffer"),
    answer: { status: 200, body: REPORT, headers: octets },
    sent: sentReport,
    returned: { status: 200, data: { arrayBuffer: REPORT } },
  },
  {
    name: 'returns the body as a stream with `parseAs: "stream"`',
    call: report("stream"),
    answer: { status: 200, body: REPORT, headers: octets },
    sent: sentReport,
    returned: { status: 200, data: { stream: REPORT } },
  },
  {
    name: 'returns a text body as a stream with `parseAs: "stream"`',
    call: report("stream"),
    answer: { status: 200, body: REPORT },
    sent: sentReport,
    returned: { status: 200, data: { stream: REPORT } },
  },
  {
    name: "parses a JSON error body whatever `parseAs` asks for",
    call: report("text"),
    answer: { status: 404, body: { message: "no such report" } },
    sent: sentReport,
    returned: { status: 404, error: { message: "no such report" } },
  },
];
