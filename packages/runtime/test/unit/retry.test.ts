// Retries beyond the fault matrix: recovery, backoff growth, Retry-After forms and caps, idempotency, overrides.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { ConflictError, NotFoundError, parseRetryAfter, RateLimitError, unwrap } from "../../src/index.js";
import { RecordingClock } from "../support/clocks.js";
import { type ScriptedServer, startScriptedServer } from "../support/scripted-server.js";
import { createTestClient } from "../support/test-api.js";

let server: ScriptedServer;
beforeAll(async () => {
  server = await startScriptedServer();
});
afterAll(() => server.close());

const params = { path: { id: "42" } };
const ITEM = { id: "42", name: "renamed" };
const unavailable = { status: 503, body: { message: "Service Unavailable" } } as const;

function setup(options: Parameters<typeof createTestClient>[1] = {}) {
  server.reset();
  const clock = new RecordingClock();
  const client = createTestClient(server.url, { clock, random: () => 0, ...options });
  return { clock, client };
}

describe("recovery", () => {
  test("returns the data of the attempt that succeeds, after retrying a 503", async () => {
    const { client, clock } = setup();
    server.script(unavailable, unavailable, { status: 200, body: ITEM });
    const { data, error } = await client.GET("/items/{id}", { params });
    expect(error).toBeUndefined();
    expect(data).toEqual(ITEM);
    expect(server.requests).toHaveLength(3);
    expect(clock.sleeps).toEqual([500, 1000]);
  });

  test("re-sends the PATCH body byte for byte on every attempt", async () => {
    const { client } = setup();
    server.script({ status: 500, body: { message: "boom" } }, "reset", { status: 200, body: ITEM });
    const body = { name: "Zoë ✓ — naïve" };
    const { data } = await client.PATCH("/items/{id}", { params, body });
    expect(data).toEqual(ITEM);
    expect(server.requests.map((request) => request.body)).toEqual(Array(3).fill(JSON.stringify(body)));
    expect(server.requests.map((request) => request.headers["content-type"])).toEqual(
      Array(3).fill("application/json"),
    );
  });

  test("retries a 409 on an idempotent call and returns the final ConflictError", async () => {
    const { client } = setup({ throwOnError: true });
    server.script({ status: 409, body: { message: "locked" } });
    await expect(client.PUT("/items/{id}", { params, body: ITEM })).rejects.toBeInstanceOf(ConflictError);
    expect(server.requests).toHaveLength(3);
  });

  test("does not retry a 404", async () => {
    const { client, clock } = setup({ throwOnError: true });
    server.script({ status: 404, body: { message: "no such item" } });
    await expect(client.GET("/items/{id}", { params })).rejects.toBeInstanceOf(NotFoundError);
    expect(server.requests).toHaveLength(1);
    expect(clock.sleeps).toEqual([]);
  });
});

describe("backoff", () => {
  test("doubles from 0.5 s and stops growing at 8 s", async () => {
    const { client, clock } = setup({ retry: { retries: 6 } });
    server.script(unavailable);
    await client.GET("/items/{id}", { params });
    expect(clock.sleeps).toEqual([500, 1000, 2000, 4000, 8000, 8000]);
  });

  test("takes up to the jitter fraction off each delay", async () => {
    const { client, clock } = setup({ random: () => 0.999 });
    server.script(unavailable);
    await client.GET("/items/{id}", { params });
    expect(clock.sleeps[0]).toBeCloseTo(500 * (1 - 0.25 * 0.999));
    expect(clock.sleeps[1]).toBeCloseTo(1000 * (1 - 0.25 * 0.999));
  });
});

describe("Retry-After", () => {
  test("honours an HTTP date", async () => {
    const { client, clock } = setup({ retry: { retries: 1 } });
    const inTenSeconds = new Date(Date.now() + 10_000).toUTCString();
    server.script({ status: 429, headers: { "retry-after": inTenSeconds } }, { status: 200, body: ITEM });
    const { data } = await client.GET("/items/{id}", { params });
    expect(data).toEqual(ITEM);
    // HTTP dates have whole seconds, so the wait is 9 to 10 s.
    expect(clock.sleeps[0]).toBeGreaterThan(8_000);
    expect(clock.sleeps[0]).toBeLessThanOrEqual(10_000);
  });

  test("returns the 429 without waiting when Retry-After is beyond the cap", async () => {
    const { client, clock } = setup({ throwOnError: true, retry: { maxRetryAfter: 30_000 } });
    server.script({ status: 429, headers: { "retry-after": "120" } });
    const error = await client.GET("/items/{id}", { params }).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error).toMatchObject({ attempts: 1, retryAfter: 120_000 });
    expect(clock.sleeps).toEqual([]);
  });

  test("parses delay-seconds, HTTP dates, past dates and rejects garbage", () => {
    const now = Date.parse("2026-01-01T00:00:00Z");
    const header = (value: string) => new Headers({ "retry-after": value });
    expect(parseRetryAfter(header("3"), now)).toBe(3000);
    expect(parseRetryAfter(header("0.5"), now)).toBe(500);
    expect(parseRetryAfter(header("Thu, 01 Jan 2026 00:00:07 GMT"), now)).toBe(7000);
    expect(parseRetryAfter(header("Wed, 31 Dec 2025 23:59:00 GMT"), now)).toBe(0);
    expect(parseRetryAfter(header("soon"), now)).toBeUndefined();
    expect(parseRetryAfter(new Headers(), now)).toBeUndefined();
  });
});

describe("idempotency", () => {
  test("does not retry a POST unless the call asks for it", async () => {
    const { client } = setup();
    server.script(unavailable);
    await client.POST("/items", { body: { name: "a" } });
    expect(server.requests).toHaveLength(1);
  });

  test("retries a POST with its body when the call passes retry.nonIdempotent", async () => {
    const { client } = setup();
    server.script(unavailable, { status: 200, body: ITEM });
    const { data } = await client.POST("/items", { body: { name: "a" }, retry: { nonIdempotent: true } });
    expect(data).toEqual(ITEM);
    expect(server.requests.map((request) => request.body)).toEqual(['{"name":"a"}', '{"name":"a"}']);
  });

  test("does not retry a PATCH that is not listed as idempotent (anonymize)", async () => {
    const { client } = setup();
    server.script(unavailable);
    await client.PATCH("/items/{id}/anonymize", { params, body: { force: true } });
    expect(server.requests).toHaveLength(1);
  });

  test("rejects an idempotentOperations entry that is not METHOD /path", () => {
    expect(() => createTestClient(server.url, { retry: { idempotentOperations: ["/items"] } })).toThrow(
      /expected "METHOD \/path"/,
    );
  });
});

describe("per-call overrides", () => {
  test("retry: false sends a GET once", async () => {
    const { client } = setup();
    server.script(unavailable);
    await client.GET("/items/{id}", { params, retry: false });
    expect(server.requests).toHaveLength(1);
  });

  test("a number sets the retries for this call only", async () => {
    const { client } = setup();
    server.script(unavailable);
    await client.GET("/items/{id}", { params, retry: 4 });
    expect(server.requests).toHaveLength(5);
    server.reset();
    await client.GET("/items/{id}", { params });
    expect(server.requests).toHaveLength(3);
  });

  test("options merge over the client's, keeping its idempotent operations", async () => {
    const { client, clock } = setup({ retry: { retries: 1, minDelay: 100 } });
    server.script(unavailable);
    await client.PATCH("/items/{id}", { params, body: { name: "a" }, retry: { retries: 3 } });
    expect(server.requests).toHaveLength(4);
    expect(clock.sleeps).toEqual([100, 200, 400]);
  });

  test("retry: false on the client turns retries off", async () => {
    const { client } = setup({ retry: false });
    server.script(unavailable);
    const result = await client.GET("/items/{id}", { params });
    expect(() => unwrap(result)).toThrow(/failed with 503/);
    expect(server.requests).toHaveLength(1);
  });
});
