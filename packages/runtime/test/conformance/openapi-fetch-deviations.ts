// Where openapi-fetch 0.17.0 disagrees with a conformance case, why, and what we decided (ARCHITECTURE.md,
// "The engine", says the same in prose). Keyed by case name; a deviation that stops happening fails its
// test, so this list cannot go stale. Decisions: "runtime" (the runtime's engines pass the case),
// "documented" (kept, because no vendored spec has the shape; scripts/test/engine-conformance.test.ts
// fails when one does), "patch" (none: a pnpm patch does not reach our users, see ARCHITECTURE.md).
import { DEFAULT_ITEM, type Deviation } from "./engine.js";

const get = (target: string) => ({ method: "GET", target, body: "" });
/** Where the request lands instead: the server's default answer comes back as a success. */
const elsewhere = (target: string, why: string): Deviation => ({
  why: `${why}; the call reaches another operation (or none) and may succeed there`,
  decision: "runtime",
  sent: get(target),
  returned: { status: 200, data: DEFAULT_ITEM },
});
const ENCODE_URI_COMPONENT =
  "encodeURIComponent leaves ! ' ( ) * as they are, where RFC 6570 percent-encodes all but ALPHA DIGIT - . _ ~; " +
  "any server that decodes the value reads the same characters";

export const OPENAPI_FETCH_DEVIATIONS: Readonly<Record<string, Deviation>> = {
  "percent-encodes the sub-delimiters ! ' ( ) *": {
    why: ENCODE_URI_COMPONENT,
    decision: "documented",
    sent: { target: "/api/items/it's(1)*!" },
  },
  "refuses `..` as a path value, which would reach another path": elsewhere(
    "/api/",
    "`..` goes into the URL as a dot segment, which URL parsing resolves away with the segment before it",
  ),
  "refuses `.` as a path value, which would reach another path": elsewhere(
    "/api/items/",
    "`.` goes into the URL as a dot segment, which URL parsing removes",
  ),
  "refuses an empty path value, which would reach another path": elsewhere(
    "/api/items/",
    "an empty value leaves an empty segment: another path",
  ),
  "refuses a call without a required path value": elsewhere(
    "/api/items/%7BitemId%7D",
    "a missing value leaves `{itemId}` in the URL, which goes out percent-encoded",
  ),
  "percent-encodes the sub-delimiters ! ' ( ) * in a query value": {
    why: `${ENCODE_URI_COMPONENT} (the URL parser of fetch and of createUndiciFetch encodes ' in a query)`,
    decision: "documented",
    sent: { target: "/api/search?q=it%27s(1)*!" },
  },
  "sends an array with `explode: false` as one comma-separated pair": {
    why:
      "the generated types carry no style, so openapi-fetch sends every array exploded unless the call " +
      'passes `querySerializer: { array: { style: "form", explode: false } }`',
    decision: "documented",
    sent: { target: "/api/search?ids=1&ids=2&ids=3" },
  },
  "sends an object in the default style (form, exploded) as one pair per property": {
    why: "openapi-fetch's default for objects is deepObject, not OpenAPI's form (openapi-ts/openapi-typescript#1533)",
    decision: "documented",
    sent: { target: "/api/search?filter[channel]=email&filter[status]=open" },
  },
  "percent-encodes a `deepObject` property name like a value": {
    why:
      "property names go into the query unencoded, so a name with & or = adds parameters of its own " +
      "(here `b`); the generated types accept any key of a map",
    decision: "documented",
    sent: { target: "/api/search?where[a&b=c]=1" },
  },
  "sends an array header parameter as one comma-separated value": {
    why: "each item is appended to `Headers`, which joins them with a comma and a space (the same list in HTTP)",
    decision: "documented",
    sent: { headers: { "x-tags": "a, b" } },
  },
  "reports a 200 with an empty body where the spec promises JSON": {
    why: "an empty 2xx body gives `data: undefined`, which the types say cannot happen",
    decision: "runtime",
    returned: { status: 200, data: undefined },
  },
  "reports a 200 with a body that is not JSON where the spec promises JSON": {
    why: "a 2xx body that is not JSON throws JSON.parse's bare SyntaxError, with no status, path or body",
    decision: "runtime",
    returned: { throws: "SyntaxError" },
  },
};
