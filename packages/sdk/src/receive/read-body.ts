import type { IncomingMessage } from "node:http";

/** The body, or `too-large` once it passed the limit (nothing past the limit is read). */
export type BodyRead = Uint8Array | "too-large";

/** The default body limit of the receivers: 1 MiB, far above any Dixa or Alpharun delivery. */
export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

/** A Fetch request's body, read up to `limit` bytes; a `Content-Length` past it is refused unread. */
export async function readRequestBody(request: Request, limit: number): Promise<BodyRead> {
  if (declaredTooLarge(request.headers.get("content-length"), limit)) {
    await request.body?.cancel().catch(() => {});
    return "too-large";
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = request.body?.getReader();
  while (reader) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => {});
      return "too-large";
    }
    chunks.push(value);
  }
  return join(chunks, size);
}

/**
 * A `node:http` request's body, read up to `limit` bytes. Past it, reading stops (the stream is
 * paused and its data no longer kept); the caller answers 413 and closes the connection.
 */
export function readIncomingBody(request: IncomingMessage, limit: number): Promise<BodyRead> {
  if (declaredTooLarge(request.headers["content-length"], limit)) return Promise.resolve("too-large");
  return new Promise((done, fail) => {
    const chunks: Uint8Array[] = [];
    let size = 0;
    const onData = (chunk: Uint8Array) => {
      size += chunk.byteLength;
      if (size <= limit) return void chunks.push(chunk);
      request.off("data", onData);
      request.pause();
      done("too-large");
    };
    request.on("data", onData);
    request.once("end", () => done(join(chunks, size)));
    request.once("error", fail);
  });
}

function declaredTooLarge(length: string | null | undefined, limit: number): boolean {
  return length !== null && length !== undefined && /^\d+$/.test(length) && Number(length) > limit;
}

function join(chunks: readonly Uint8Array[], size: number): Uint8Array {
  const body = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    body.set(chunk, at);
    at += chunk.byteLength;
  }
  return body;
}
