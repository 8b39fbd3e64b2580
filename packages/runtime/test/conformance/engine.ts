// The seam of the engine conformance suite: a case is data (a call, the server's answer, what must go
// on the wire, what the call must give back); an engine is whatever turns the call into a request and
// the answer into `{ data, error }`. Each engine gets one adapter; the cases never change for one.
import type { CallInit } from "../../src/index.js";
import type { paths } from "./generated/schema.js";

type HttpMethod = "get" | "put" | "post" | "delete" | "head" | "patch";

/** The methods `Path` has in the conformance spec. */
type MethodOf<Path extends keyof paths> = {
  [M in keyof paths[Path] & HttpMethod]-?: [paths[Path][M]] extends [never | undefined] ? never : M;
}[keyof paths[Path] & HttpMethod];

/** One call as a user writes it, `client.request(method, path, init)`, kept as data. */
export interface Call {
  method: HttpMethod;
  path: keyof paths;
  init: object;
}

/** A call the generated types accept: `init` is checked against the operation. */
export function call<Path extends keyof paths, M extends MethodOf<Path>>(
  method: M,
  path: Path,
  init: CallInit<paths[Path], M>,
): Call {
  return { method, path, init };
}

/** What the loopback server answers (default: 200 with `DEFAULT_ITEM` as JSON). */
export interface Answer {
  status: number;
  /** a string is sent as is (`text/plain` unless `headers` say otherwise), anything else as JSON */
  body?: unknown;
  headers?: Record<string, string>;
  /** sent chunked, without `Content-Length` */
  chunked?: boolean;
}

/** The request the server received, as raw as Node's HTTP parser gives it. */
export interface Sent {
  method: string;
  /** the request target: path and query exactly as received */
  target: string;
  /**
   * every header the API sees beyond the client's own (`authorization`, `x-client`), by lower-case
   * name; `undefined` for one that must be absent. Transport headers (`host`, `user-agent`, ...) aside.
   */
  headers?: Record<string, string | undefined>;
  /** the body as UTF-8 ("" for none) */
  body?: string;
}

/** What a call gives back: a status with `data` or `error`, or what it throws (an error's name). */
export type Returned =
  | { status: number; data: unknown }
  | { status: number; error: unknown }
  | { throws: string };

export interface ConformanceCase {
  /** what the case states, in the present tense: the test's name */
  name: string;
  call: Call;
  answer?: Answer;
  /** the request the server must receive, or "nothing" when the call must be refused before sending */
  sent: Sent | "nothing";
  /** what the call must give back (default `{ status: 200, data: DEFAULT_ITEM }`) */
  returned?: Returned;
}

/** Where an engine disagrees with a case, why, and what we decided. */
export interface Deviation {
  /** what the engine does instead, and the rule it breaks */
  why: string;
  /**
   * "runtime": `@cxkit/runtime` works around it (its engines pass the case); "documented": known and
   * accepted, in ARCHITECTURE.md; "patch": fixed by a patch under patches/
   */
  decision: "runtime" | "documented" | "patch";
  /** what the engine sends instead (merged over the case's `sent`) */
  sent?: Partial<Sent> | "nothing";
  /** what the engine gives back instead */
  returned?: Returned;
}

/** What one call resolved to, as openapi-fetch shapes it. */
export interface Outcome {
  data?: unknown;
  error?: unknown;
  response: Response;
}

export interface Engine {
  /** e.g. `openapi-fetch 0.17.0 + @cxkit/runtime, global fetch` */
  name: string;
  /** a client of the conformance API at `baseUrl` that sends the client headers `CLIENT_HEADERS` */
  connect(baseUrl: string): (call: Call) => Promise<Outcome>;
  /** the cases, by name, this engine does not pass as they are stated */
  deviations: Readonly<Record<string, Deviation>>;
  close?(): Promise<void>;
}

/** The credential every engine's client sends, as `Authorization: Bearer <token>`. */
export const TOKEN = "conformance-token";
/** A header set on the client, to show per-call headers override and unset it. */
export const CLIENT_HEADERS = { "X-Client": "conformance" } as const;
/** The server's default answer. */
export const DEFAULT_ITEM = { id: "item-1", name: "Zoë" };
