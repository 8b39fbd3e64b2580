// What a browser bundle gets in place of lite-send.ts (package.json `browser` field): no request there
// is a `LiteRequest` (see lite-request.browser.ts), so every attempt goes out as `fetch(request, init)`.
import type { FetchLike } from "../attempt.js";
import type { LiteSender } from "./lite-send.js";

export function createLiteSender(_custom: FetchLike | undefined): LiteSender | undefined {
  return undefined;
}
