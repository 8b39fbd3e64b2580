import type { ApiClient } from "./api-client.js";
import type { ApiClientOptions } from "./create-api-client.js";

/** The safe (read-only) methods a live contract run may send. */
export type SafeMethod = "GET" | "HEAD";

/** The paths of `Paths` that have a GET or HEAD operation, as `"GET /agents/{agentId}"`. */
export type SafeOperation<Paths> = {
  [P in keyof Paths & string]:
    | (Paths[P] extends { get: object } ? `GET ${P}` : never)
    | (Paths[P] extends { head: object } ? `HEAD ${P}` : never);
}[keyof Paths & string];

/** Where a path parameter of a live case comes from: a value in an earlier case's 2xx body. */
export interface LiveCaseSource {
  /** the earlier case, e.g. `"GET /tags"` */
  from: string;
  /** a JSON pointer into its body, e.g. `"/data/0/id"` */
  pointer: string;
  /** what the value names, for `skipped: no <thing> in this account` (e.g. `"tag"`) */
  thing: string;
}

/** One read-only call of a live contract run. */
export interface LiveCase<Paths> {
  /** the operation, `"GET /path/template"` */
  operation: SafeOperation<Paths>;
  /** each path parameter, from an earlier case's body (default none) */
  params?: Readonly<Record<string, LiveCaseSource>>;
  /** query parameters that filter; the run sets the page size itself and never sends a cursor (default none) */
  query?: Readonly<Record<string, string | number | boolean>>;
}

/** What the live run passes to a vendor's client factory. */
export type LiveClientOptions = Pick<ApiClientOptions, "fetch" | "retry"> & { baseUrl: string };

/**
 * A vendor's live contract run, as data in its client package (entry `@cxkit/<api>/live-cases`):
 * one case per GET/HEAD operation of its spec, or a reason why the operation cannot run read-only.
 * The runner (`pnpm contract:live <api>`) holds the machinery; a test holds the table against the spec.
 */
export interface LiveCaseTable<Paths extends {}> {
  /** the environment variable holding the credential, e.g. `DIXA_API_KEY` */
  credentialVariable: string;
  /** the environment variable holding a base URL other than the spec's, e.g. `DIXA_BASE_URL` */
  baseUrlVariable: string;
  /** the query parameters of one page: the run sends `size` at the spec's `minimum` and never `cursor` */
  paging: { size: string; cursor: string };
  /** the vendor's client, so the run has the clients' auth and documented rate limit */
  createClient(credential: string, options: LiveClientOptions): ApiClient<Paths, false, unknown>;
  /** the cases, in order: a case's parameters come from cases above it */
  cases: readonly LiveCase<Paths>[];
  /** operations that cannot run read-only, each with the reason */
  notRun: Readonly<Partial<Record<SafeOperation<Paths>, string>>>;
}
