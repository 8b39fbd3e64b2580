// What a browser bundle gets in place of lite-request.ts (package.json `browser` field): the
// platform's own `Request`. `LiteRequest` saves Node's fetch a second `Request` per call, and only
// Node has a transport that takes one (`@cxkit/runtime/undici`), so a browser ships neither.
import type { TransportInit as Init } from "./lite-request.js";

export type TransportInit = Init;

/** In a browser: the platform's `Request`; `is()` is false, as no request here is a `LiteRequest`. */
export class LiteRequest extends Request {
  static is(_value: unknown): _value is never {
    return false;
  }

  static override [Symbol.hasInstance](value: unknown): boolean {
    return value instanceof Request;
  }
}

/** The `Request` class the runtime hands to openapi-fetch: the platform's own, so `LiteRequest` stays out of a client's bundle. */
export const CLIENT_REQUEST: typeof Request = Request;

export const CXKIT_TRANSPORT: unique symbol = Symbol.for("cxkit.runtime.transport");

/** A request without a signal never aborts; in a browser, every `Request` has a signal of its own. */
export const NEVER_ABORTED = new AbortController().signal;
