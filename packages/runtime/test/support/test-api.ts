// A small API in openapi-typescript's shape, with one client wired the way the client packages wire it.
import createClient, { type Client } from "openapi-fetch";
import { inject } from "vitest";
import { createRuntime, type FetchLike, type RuntimeOptions } from "../../src/index.js";
import { CXKIT_TRANSPORT } from "../../src/transport/lite-request.js";
import { createUndiciFetch } from "../../src/transport/undici.js";

export interface Item {
  id: string;
  name: string;
}
/** The error body both vendors share: `{ message }`. */
export interface VendorError {
  message: string;
}
export interface Contact {
  id: string;
  email?: string;
}
export interface EndUser {
  id: string;
  displayName?: string;
}

type Headers = { [name: string]: unknown };
type Json<T> = { headers: Headers; content: { "application/json": T } };
type NoContent = { headers: Headers; content?: never };
type ItemPath = { query?: never; header?: never; path: { id: string }; cookie?: never };
type NoParams = { query?: never; header?: never; path?: never; cookie?: never };
type Operation<P, Body, Ok> = {
  parameters: P;
  requestBody: { content: { "application/json": Body } };
  responses: { 200: Ok; default: Json<VendorError> };
};
type Read<P, Ok> = {
  parameters: P;
  requestBody?: never;
  responses: { 200: Ok; default: Json<VendorError> };
};

export interface paths {
  "/items/{id}": {
    parameters: NoParams;
    get: Read<ItemPath, Json<Item>>;
    put: Operation<ItemPath, { name: string }, Json<Item>>;
    patch: Operation<ItemPath, { name: string }, Json<Item>>;
    delete: {
      parameters: ItemPath;
      requestBody?: never;
      responses: { 204: NoContent; default: Json<VendorError> };
    };
  };
  "/items/{id}/anonymize": {
    parameters: NoParams;
    patch: Operation<ItemPath, { force?: boolean }, Json<Item>>;
  };
  "/items": {
    parameters: NoParams;
    post: Operation<NoParams, { name: string }, Json<Item>>;
  };
  /** Alpharun-style pages: `limit`/`cursor` in, `next_cursor` beside `data` out */
  "/contacts": {
    parameters: NoParams;
    get: {
      parameters: {
        query?: { limit?: number; cursor?: string | null };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: Json<{ data?: { contacts?: Contact[] }; next_cursor?: string | null }>;
        default: Json<VendorError>;
      };
    };
  };
  /** Dixa-style pages: `pageLimit`/`pageKey` in, `meta.next` (a relative URL) out */
  "/endusers": {
    parameters: NoParams;
    get: {
      parameters: {
        query?: { pageLimit?: number; pageKey?: string };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: Json<{ data: EndUser[]; meta?: { next?: string | null; previous?: string | null } }>;
        default: Json<VendorError>;
      };
    };
  };
}

export const TOKEN = "sk_test_7hX2-SECRET-9fQ4wZ";

/** Idempotent upserts of the test API; the anonymize PATCH is deliberately not listed. */
export const IDEMPOTENT_OPERATIONS = ["PATCH /items/{id}"];

/**
 * The transport the suite runs on: the vitest project `fetch` uses the global `fetch`, the project
 * `undici` runs the same tests on `createUndiciFetch()` (see vitest.config.ts).
 */
export const TRANSPORT = inject("transport");
const transport: FetchLike | undefined = TRANSPORT === "undici" ? createUndiciFetch() : undefined;

/** A client of the test API on `baseUrl`, with bearer auth and the runtime wired in as the clients do. */
export function createTestClient(baseUrl: string, options: RuntimeOptions = {}): Client<paths> {
  const runtime = createRuntime({
    secrets: [TOKEN],
    fetch: transport,
    ...options,
    retry:
      options.retry === false ? false : { idempotentOperations: IDEMPOTENT_OPERATIONS, ...options.retry },
  });
  const client = createClient<paths>({
    baseUrl: `${baseUrl}/api/v1`,
    headers: { Authorization: `Bearer ${TOKEN}` },
    fetch: runtime.fetch,
    Request: runtime.Request,
  });
  client.use(runtime.middleware);
  return client;
}

/**
 * The suite's transport, counting the responses whose headers have arrived (when its promise
 * resolves, before the body is read).
 */
export function observeHeaders(): { fetch: FetchLike; readonly headers: number } {
  let headers = 0;
  const send: FetchLike = transport ?? ((input, init) => globalThis.fetch(input, init));
  const observed = async (input: Request, init?: RequestInit) => {
    const response = await send(input, init);
    headers += 1;
    return response;
  };
  // Note: keeps the undici transport's protocol, so the runtime takes the same path as without it.
  if (transport) Object.defineProperty(observed, CXKIT_TRANSPORT, { value: true });
  return {
    fetch: observed,
    get headers() {
      return headers;
    },
  };
}
