// Every fault the runtime must survive, on an idempotent GET, an idempotent-upsert PATCH and a POST,
// against a real local server. Delays come from an injected clock; the jitter from an injected random.
import { inspect } from "node:util";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import {
  type ApiError,
  type AttemptLog,
  ConnectionError,
  InternalServerError,
  InvalidResponseError,
  RateLimitError,
  REDACTED,
  TimeoutError,
} from "../../src/index.js";
import { RecordingClock } from "../support/clocks.js";
import { type ScriptedServer, type Step, startScriptedServer } from "../support/scripted-server.js";
import { createTestClient, TOKEN } from "../support/test-api.js";

/** Backoff with the jitter pinned by `random: () => 0.5`: 500 ms and 1000 ms, each minus 12.5 %. */
const BACKOFF = [437.5, 875];
const VENDOR_ID = { "x-request-id": "req-vendor-1" };

interface Fault {
  step: Step;
  /** whether an idempotent call retries it */
  retried: boolean;
  delays: number[];
  error: new (...args: never[]) => ApiError;
  status: number | undefined;
}

const faults: Record<string, Fault> = {
  "429 with Retry-After": {
    step: {
      status: 429,
      headers: { "retry-after": "2", ...VENDOR_ID },
      body: { message: `slow down ${TOKEN}` },
    },
    retried: true,
    delays: [2000, 2000],
    error: RateLimitError,
    status: 429,
  },
  "429 without Retry-After": {
    step: { status: 429, headers: VENDOR_ID, body: { message: "Too Many Requests" } },
    retried: true,
    delays: BACKOFF,
    error: RateLimitError,
    status: 429,
  },
  "500": {
    step: { status: 500, headers: VENDOR_ID, body: { message: `token Bearer ${TOKEN} failed` } },
    retried: true,
    delays: BACKOFF,
    error: InternalServerError,
    status: 500,
  },
  "502 with an HTML body": {
    step: {
      status: 502,
      headers: { "content-type": "text/html", ...VENDOR_ID },
      body: `<html><body><h1>502 Bad Gateway</h1><!-- Authorization: Bearer ${TOKEN} --></body></html>`,
    },
    retried: true,
    delays: BACKOFF,
    error: InternalServerError,
    status: 502,
  },
  "503": {
    step: { status: 503, headers: VENDOR_ID, body: { message: "Service Unavailable" } },
    retried: true,
    delays: BACKOFF,
    error: InternalServerError,
    status: 503,
  },
  "connection reset": {
    step: "reset",
    retried: true,
    delays: BACKOFF,
    error: ConnectionError,
    status: undefined,
  },
  "hang past the timeout": {
    step: "hang",
    retried: true,
    delays: BACKOFF,
    error: TimeoutError,
    status: undefined,
  },
  "malformed JSON": {
    step: {
      status: 200,
      headers: { "content-type": "application/json", ...VENDOR_ID },
      body: `{"id": "1", "name": "${TOKEN}"`,
    },
    retried: false,
    delays: [],
    error: InvalidResponseError,
    status: 200,
  },
  "empty body": {
    step: { status: 200, headers: VENDOR_ID, body: "" },
    retried: false,
    delays: [],
    error: InvalidResponseError,
    status: 200,
  },
};

const BODY = { name: "renamed" };
const params = { path: { id: "42" } };
/** The hang case alone gets a short per-call timeout, so a busy machine cannot time out the others. */
const timeoutFor = (fault: Fault) => (fault.step === "hang" ? { timeout: 150 } : {});

const calls = {
  GET: { path: "/items/{id}", idempotent: true },
  PATCH: { path: "/items/{id}", idempotent: true },
  POST: { path: "/items", idempotent: false },
} as const;

let server: ScriptedServer;
const errors: ApiError[] = [];
const logs: AttemptLog[] = [];

beforeAll(async () => {
  server = await startScriptedServer();
});
afterAll(() => server.close());

describe.each(Object.entries(faults))("%s", (_name, fault) => {
  test.each(Object.keys(calls) as (keyof typeof calls)[])(
    "on %s: attempts, delays and the error class",
    async (method) => {
      server.reset();
      server.script(fault.step);
      const clock = new RecordingClock();
      const client = createTestClient(server.url, {
        clock,
        random: () => 0.5,
        throwOnError: true,
        logger: (entry) => logs.push(entry),
      });
      const extra = timeoutFor(fault);
      const call =
        method === "GET"
          ? client.GET("/items/{id}", { params, ...extra })
          : method === "PATCH"
            ? client.PATCH("/items/{id}", { params, body: BODY, ...extra })
            : client.POST("/items", { body: BODY, ...extra });
      const error = await call.then(
        () => expect.unreachable("the call should fail"),
        (thrown: unknown) => thrown,
      );
      errors.push(error as ApiError);

      const attempts = fault.retried && calls[method].idempotent ? 3 : 1;
      expect(error).toBeInstanceOf(fault.error);
      expect(error).toMatchObject({ status: fault.status, method, path: calls[method].path, attempts });
      expect(server.requests).toHaveLength(attempts);
      expect(clock.sleeps).toEqual(fault.delays.slice(0, attempts - 1));
      expect((error as ApiError).requestId).toMatch(
        typeof fault.step === "string" ? /^local-/ : /^req-vendor-1$/,
      );
      if (method !== "GET") {
        // The body is sent intact on every attempt.
        expect(server.requests.map((request) => request.body)).toEqual(
          Array(attempts).fill(JSON.stringify(BODY)),
        );
      }
      if (fault.error === RateLimitError) {
        expect((error as RateLimitError).retryAfter).toBe(fault.delays === BACKOFF ? undefined : 2000);
      }
    },
  );
});

describe("redaction", () => {
  test("no error or log line of the fault matrix contains the token", () => {
    const cases = Object.keys(faults).length * Object.keys(calls).length;
    expect(errors).toHaveLength(cases);
    expect(logs.length).toBeGreaterThan(cases);
    // The token did go out, and came back in bodies and the HTML page, so there was something to hide.
    expect(server.requests.every((request) => request.headers.authorization === `Bearer ${TOKEN}`)).toBe(
      true,
    );
    expect(errors.some((error) => JSON.stringify(error.body).includes(REDACTED))).toBe(true);
    expect(logs.every((entry) => entry.requestHeaders.authorization === REDACTED)).toBe(true);

    const texts = [...errors.flatMap(renderings), ...logs.map((entry) => JSON.stringify(entry))];
    for (const text of texts) expect(text).not.toContain(TOKEN);
  });
});

/** Every way an error gets printed: message, stack, JSON, util.inspect, and the same down its cause chain. */
function renderings(error: ApiError): string[] {
  const texts = [
    JSON.stringify(error),
    inspect(error, { depth: Number.POSITIVE_INFINITY }),
    inspect(error, { depth: Number.POSITIVE_INFINITY, showHidden: true }),
  ];
  for (let current: unknown = error; current instanceof Error; current = current.cause) {
    texts.push(String(current), current.message, current.stack ?? "");
  }
  return texts;
}
