// The attempt logger: one entry per attempt, with redacted headers and a request id shared with the error.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { type ApiError, type AttemptLog, REDACTED } from "../../src/index.js";
import { RecordingClock } from "../support/clocks.js";
import { type ScriptedServer, startScriptedServer } from "../support/scripted-server.js";
import { createTestClient, TOKEN } from "../support/test-api.js";

let server: ScriptedServer;
beforeAll(async () => {
  server = await startScriptedServer();
});
afterAll(() => server.close());

const params = { path: { id: "42" } };

describe("logger", () => {
  test("sees each attempt: method, path, status, duration, attempt number and the coming retry", async () => {
    server.reset();
    server.script({ status: 503, headers: { "x-request-id": "v1" } }, "reset", {
      status: 200,
      body: { id: "42", name: "a" },
    });
    const logs: AttemptLog[] = [];
    const api = createTestClient(server.url, {
      clock: new RecordingClock(),
      random: () => 0,
      logger: (entry) => logs.push(entry),
    });
    await api.GET("/items/{id}", { params });
    expect(
      logs.map(({ method, path, attempt, outcome, status, retryInMs }) => ({
        method,
        path,
        attempt,
        outcome,
        status,
        retryInMs,
      })),
    ).toEqual([
      {
        method: "GET",
        path: "/api/v1/items/42",
        attempt: 1,
        outcome: "response",
        status: 503,
        retryInMs: 500,
      },
      {
        method: "GET",
        path: "/api/v1/items/42",
        attempt: 2,
        outcome: "connection-error",
        status: undefined,
        retryInMs: 1000,
      },
      {
        method: "GET",
        path: "/api/v1/items/42",
        attempt: 3,
        outcome: "response",
        status: 200,
        retryInMs: undefined,
      },
    ]);
    for (const entry of logs) expect(entry.durationMs).toBeGreaterThanOrEqual(0);
    expect(logs[0]?.requestId).toBe("v1");
    expect(logs[1]?.error).toBe("ECONNRESET");
  });

  test("redacts the Authorization header and any header that carries the token", async () => {
    server.reset();
    server.script({ status: 200, headers: { "x-echo": `got ${TOKEN}` }, body: { id: "42", name: "a" } });
    const logs: AttemptLog[] = [];
    const api = createTestClient(server.url, { logger: (entry) => logs.push(entry) });
    await api.GET("/items/{id}", { params, headers: { "x-debug": TOKEN } });
    expect(logs[0]?.requestHeaders).toMatchObject({ authorization: REDACTED, "x-debug": REDACTED });
    expect(logs[0]?.responseHeaders).toMatchObject({ "x-echo": `got ${REDACTED}` });
    expect(JSON.stringify(logs)).not.toContain(TOKEN);
  });

  test("gives logs and the error the same generated request id when the vendor sends none", async () => {
    server.reset();
    server.script({ status: 500 });
    const logs: AttemptLog[] = [];
    const api = createTestClient(server.url, {
      clock: new RecordingClock(),
      throwOnError: true,
      logger: (entry) => logs.push(entry),
    });
    const error = (await api.GET("/items/{id}", { params }).catch((thrown: unknown) => thrown)) as ApiError;
    expect(error.requestId).toMatch(/^local-/);
    expect(logs.map((entry) => entry.requestId)).toEqual([error.requestId, error.requestId, error.requestId]);
  });

  test("a logger that throws does not break the call", async () => {
    server.reset();
    server.script({ status: 200, body: { id: "42", name: "a" } });
    const api = createTestClient(server.url, {
      logger: () => {
        throw new Error("broken logger");
      },
    });
    const { data } = await api.GET("/items/{id}", { params });
    expect(data).toEqual({ id: "42", name: "a" });
  });
});
