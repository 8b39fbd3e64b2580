// `@cxkit/runtime/undici`: the fast transport for Node. A separate entry point, so the default path
// (and any browser bundle) never loads undici.
export { createUndiciFetch, type UndiciFetch, type UndiciFetchOptions } from "./undici-fetch.js";
