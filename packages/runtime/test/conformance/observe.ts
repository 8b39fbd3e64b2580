// How the conformance suite reads a case's outcome: the request as the loopback server received it,
// and the call's result as plain data, so that engines are compared on what they do, not on their types.
import type { RecordedRequest, Step } from "../support/scripted-server.js";
import {
  type Answer,
  CLIENT_HEADERS,
  type ConformanceCase,
  DEFAULT_ITEM,
  type Deviation,
  type Outcome,
  type Returned,
  type Sent,
  TOKEN,
} from "./engine.js";

/** Headers of the transport (connection, client software, body framing), not of the API call. */
const TRANSPORT_HEADERS = new Set([
  "host",
  "connection",
  "keep-alive",
  "user-agent",
  "accept",
  "accept-encoding",
  "accept-language",
  "sec-fetch-mode",
  "content-length",
  "transfer-encoding",
]);

/** Every request carries these unless a case says otherwise. */
const BASE_HEADERS: Record<string, string | undefined> = {
  authorization: `Bearer ${TOKEN}`,
  ...Object.fromEntries(Object.entries(CLIENT_HEADERS).map(([name, value]) => [name.toLowerCase(), value])),
};

/** The scripted server's step for an answer, with an exact `Content-Length` unless sent chunked. */
export function toStep({ status, body, headers, chunked }: Answer): Step {
  const text = body === undefined ? "" : typeof body === "string" ? body : JSON.stringify(body);
  const length = chunked ? {} : { "content-length": String(Buffer.byteLength(text)) };
  return { status, body: text, headers: { ...length, ...headers }, ...(chunked ? { chunked } : {}) };
}

/** What the server received, in the form a case states it: one request, or "nothing". */
export function sentOf(requests: readonly RecordedRequest[]): Sent | "nothing" | Sent[] {
  const sent = requests.map(({ method, url, headers, body }): Sent => {
    const api = Object.entries(headers).filter(([name]) => !TRANSPORT_HEADERS.has(name));
    return {
      method,
      target: sortQuery(url),
      headers: Object.fromEntries(api) as Record<string, string>,
      body,
    };
  });
  return sent.length === 0 ? "nothing" : sent.length === 1 ? (sent[0] as Sent) : sent;
}

/** What a case expects from an engine: its own statement, with the engine's deviation over it. */
export function expectationOf(
  testCase: ConformanceCase,
  deviation: Deviation | undefined,
): { sent: Sent | "nothing"; returned: Returned } {
  const stated = deviation?.sent ?? {};
  const sent =
    testCase.sent === "nothing" || stated === "nothing"
      ? stated === "nothing" || Object.keys(stated).length === 0
        ? "nothing"
        : (stated as Sent)
      : { ...testCase.sent, ...stated };
  const returned = deviation?.returned ?? testCase.returned ?? { status: 200, data: DEFAULT_ITEM };
  if (sent === "nothing") return { sent, returned };
  const headers = withoutUndefined({ ...BASE_HEADERS, ...sent.headers });
  return { sent: { ...sent, target: sortQuery(sent.target), headers, body: sent.body ?? "" }, returned };
}

/** A call's result as plain data: its status with `data` or `error`, or the name of what it threw. */
export async function returnedOf(outcome: () => Promise<Outcome>): Promise<Returned> {
  let result: Outcome;
  try {
    result = await outcome();
  } catch (error) {
    return { throws: (error as Error).name };
  }
  const { status, ok } = result.response;
  return ok ? { status, data: await plainData(result.data) } : { status, error: result.error };
}

async function plainData(data: unknown): Promise<unknown> {
  if (data instanceof Blob) return { blob: { type: data.type, text: await data.text() } };
  if (data instanceof ArrayBuffer) return { arrayBuffer: new TextDecoder().decode(data) };
  if (data instanceof ReadableStream) return { stream: await new Response(data).text() };
  return data;
}

/**
 * The request target with its query pairs in a fixed order across names (the spec fixes none) and their
 * own order within a name (an exploded array's items keep theirs).
 */
function sortQuery(target: string): string {
  const at = target.indexOf("?");
  if (at === -1) return target;
  const pairs = target.slice(at + 1).split("&");
  const name = (pair: string) => pair.split("=")[0] ?? "";
  return `${target.slice(0, at)}?${pairs.sort((a, b) => (name(a) < name(b) ? -1 : name(a) > name(b) ? 1 : 0)).join("&")}`;
}

function withoutUndefined(headers: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).filter(([, value]) => value !== undefined)) as Record<
    string,
    string
  >;
}
