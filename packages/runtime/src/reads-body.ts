import { hasNoBody } from "./has-no-body.js";

/** Response bodies the runtime reads within the attempt: JSON, text (not event streams), XML. */
const READ_TYPES = /json|^text\/(?!event-stream)|xml/i;

/**
 * Whether the runtime reads the body of `response` within the attempt, under its deadline: one of
 * `READ_TYPES`, or one without a `Content-Type`; never a body that cannot be there.
 */
export function readsBody(method: string, response: Response): boolean {
  if (hasNoBody(method, response.status)) return false;
  const type = response.headers.get("content-type");
  return type === null || READ_TYPES.test(type);
}
