// The engines the conformance suite runs today: openapi-fetch on its own, and openapi-fetch as a
// user's call really runs it, through `createApiClient` (what `createAlpharunClient` and
// `createDixaClient` do) over each transport. A second engine gets an adapter here, and passes the
// same cases.
import createClient from "openapi-fetch";
import { createApiClient, type VendorProfile } from "../../src/index.js";
import { createUndiciFetch } from "../../src/transport/undici.js";
import { type Call, CLIENT_HEADERS, type Deviation, type Engine, type Outcome, TOKEN } from "./engine.js";
import type { paths } from "./generated/schema.js";
import { OPENAPI_FETCH_DEVIATIONS } from "./openapi-fetch-deviations.js";

const ENGINE = "openapi-fetch 0.17.0";

/** The deviations left once the runtime's workarounds apply. */
const throughRuntime: Record<string, Deviation> = Object.fromEntries(
  Object.entries(OPENAPI_FETCH_DEVIATIONS).filter(([, deviation]) => deviation.decision !== "runtime"),
);

/** The conformance API as a vendor: bearer auth, no idempotent operations, no rate limit. */
const PROFILE: VendorProfile = {
  factory: "createConformanceClient",
  credential: "token",
  baseUrl: "http://127.0.0.1/api",
  authorization: (token) => `Bearer ${token}`,
  idempotentOperations: [],
  rateLimit: false,
};

type Request = (method: string, path: string, init: object) => Promise<Outcome>;

/** Sends `call` through a client's `request(method, path, init)`. */
const caller =
  (request: Request) =>
  (call: Call): Promise<Outcome> =>
    request(call.method, call.path, call.init);

const plain: Engine = {
  name: ENGINE,
  connect(baseUrl) {
    const client = createClient<paths>({
      baseUrl,
      headers: { ...CLIENT_HEADERS, Authorization: `Bearer ${TOKEN}` },
    });
    return caller(client.request as unknown as Request);
  },
  deviations: OPENAPI_FETCH_DEVIATIONS,
};

/**
 * `createApiClient` with its defaults but `retry: false`: retries are the runtime's policy (tested in
 * test/unit), and every case here asserts on exactly one request.
 */
function throughCreateApiClient(transport: string, fetch?: typeof globalThis.fetch): Engine {
  return {
    name: `${ENGINE} + @cxkit/runtime, ${transport}`,
    connect(baseUrl) {
      const client = createApiClient<paths>(PROFILE, TOKEN, {
        baseUrl,
        headers: CLIENT_HEADERS,
        retry: false,
        fetch,
      });
      return caller(client.request as unknown as Request);
    },
    deviations: throughRuntime,
  };
}

const undiciFetch = createUndiciFetch();

export const engines: Engine[] = [
  plain,
  throughCreateApiClient("global fetch"),
  { ...throughCreateApiClient("createUndiciFetch()", undiciFetch), close: () => undiciFetch.close() },
];
