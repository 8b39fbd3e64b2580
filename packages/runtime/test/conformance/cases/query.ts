// Query parameters: the OpenAPI default (style `form`, exploded), which both our specs use for
// strings, integers and booleans, and the styles a spec can ask for (`explode: false`, `deepObject`).
// Values are percent-encoded as RFC 6570 form-style expansion does (everything outside ALPHA DIGIT
// - . _ ~); `null` and `undefined` are left out, and so is an empty array (an "undefined" list).
// Pairs are compared in order within one name, in any order across names (the spec fixes none).
// @see https://spec.openapis.org/oas/v3.0.3#style-examples
// @see https://www.rfc-editor.org/rfc/rfc6570#section-3.2.8

import { type ConformanceCase, call } from "../engine.js";
import type { operations } from "../generated/schema.js";

type SearchQuery = NonNullable<operations["search"]["parameters"]["query"]>;

const search = (query: SearchQuery) => call("get", "/search", { params: { query } });
const sentSearch = (target: string) => ({ method: "GET", target, body: "" });

export const queryCases: ConformanceCase[] = [
  { name: "sends no `?` without query parameters", call: search({}), sent: sentSearch("/api/search") },
  {
    name: "sends a string, an integer, a number and a boolean as form pairs",
    call: search({ q: "shoes", limit: 20, ratio: 0.5, archived: false }),
    sent: sentSearch("/api/search?q=shoes&limit=20&ratio=0.5&archived=false"),
  },
  {
    name: "percent-encodes the reserved characters & = / ? # + % in a query value",
    call: search({ q: "a&b=c/d?e#f+g%h" }),
    sent: sentSearch("/api/search?q=a%26b%3Dc%2Fd%3Fe%23f%2Bg%25h"),
  },
  {
    name: "sends a space in a query value as %20, not +",
    call: search({ q: "red shoes" }),
    sent: sentSearch("/api/search?q=red%20shoes"),
  },
  {
    name: "percent-encodes the sub-delimiters ! ' ( ) * in a query value",
    call: search({ q: "it's(1)*!" }),
    sent: sentSearch("/api/search?q=it%27s%281%29%2A%21"),
  },
  {
    name: "sends unicode in a query value as percent-encoded UTF-8",
    call: search({ q: "café ☕" }),
    sent: sentSearch("/api/search?q=caf%C3%A9%20%E2%98%95"),
  },
  { name: "sends an empty string as `name=`", call: search({ q: "" }), sent: sentSearch("/api/search?q=") },
  {
    name: "leaves out null and undefined query values",
    // @ts-expect-error `q: undefined` does not compile under exactOptionalPropertyTypes (ours); most callers' settings allow it
    call: search({ cursor: null, q: undefined, limit: 5 }),
    sent: sentSearch("/api/search?limit=5"),
  },
  {
    name: "sends an array as one pair per item (form, exploded)",
    call: search({ tags: ["a b", "c,d"] }),
    sent: sentSearch("/api/search?tags=a%20b&tags=c%2Cd"),
  },
  { name: "leaves out an empty array", call: search({ tags: [] }), sent: sentSearch("/api/search") },
  {
    name: "sends an array with `explode: false` as one comma-separated pair",
    call: search({ ids: [1, 2, 3] }),
    sent: sentSearch("/api/search?ids=1,2,3"),
  },
  {
    name: "sends an object in the default style (form, exploded) as one pair per property",
    call: search({ filter: { status: "open", channel: "email" } }),
    sent: sentSearch("/api/search?status=open&channel=email"),
  },
  {
    name: "sends a `deepObject` as name[property] pairs",
    call: search({ where: { status: "open" } }),
    sent: sentSearch("/api/search?where[status]=open"),
  },
  {
    name: "percent-encodes a `deepObject` property name like a value",
    call: search({ where: { "a&b=c": "1" } }),
    sent: sentSearch("/api/search?where[a%26b%3Dc]=1"),
  },
];
