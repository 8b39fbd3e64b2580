// Per-attempt timeouts and the caller's AbortSignal, on real timers against a real local server.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { AbortError, RateLimiter, systemClock, TimeoutError } from "../../src/index.js";
import { ManualClock, RecordingClock, settle } from "../support/clocks.js";
import { type ScriptedServer, startScriptedServer } from "../support/scripted-server.js";
import { createTestClient } from "../support/test-api.js";

let server: ScriptedServer;
beforeAll(async () => {
  server = await startScriptedServer();
});
afterAll(() => server.close());

const params = { path: { id: "42" } };
const ITEM = { id: "42", name: "a" };

describe("timeout", () => {
  test("starts when the attempt starts, not when the client was created", async () => {
    server.reset();
    const client = createTestClient(server.url, { timeout: 400 });
    await new Promise((resolve) => setTimeout(resolve, 500));
    server.script({ status: 200, body: ITEM, delayMs: 50 });
    const { data } = await client.GET("/items/{id}", { params });
    expect(data).toEqual(ITEM);
  });

  test("gives every attempt its own full timeout", async () => {
    server.reset();
    const clock = new RecordingClock();
    const client = createTestClient(server.url, { clock, timeout: 300 });
    // Attempt 1 hangs past its 300 ms; attempt 2 takes 200 ms, which would not fit a per-call budget.
    server.script("hang", { status: 200, body: ITEM, delayMs: 200 });
    const { data } = await client.GET("/items/{id}", { params });
    expect(data).toEqual(ITEM);
    expect(server.requests).toHaveLength(2);
  });

  test("a per-call timeout overrides the client's", async () => {
    server.reset();
    const client = createTestClient(server.url, { clock: new RecordingClock(), retry: false });
    server.script("hang");
    const started = performance.now();
    const error = await client
      .GET("/items/{id}", { params, timeout: 100 })
      .catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as TimeoutError).message).toMatch(/GET \/items\/\{id\} timed out after 100 ms/);
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  test("timeout: false leaves a slow answer alone", async () => {
    server.reset();
    const client = createTestClient(server.url, { timeout: 50 });
    server.script({ status: 200, body: ITEM, delayMs: 150 });
    const { data } = await client.GET("/items/{id}", { params, timeout: false });
    expect(data).toEqual(ITEM);
  });
});

describe("abort", () => {
  test("stops a backoff wait at once", async () => {
    server.reset();
    server.script({ status: 503, body: { message: "down" } });
    const controller = new AbortController();
    const client = createTestClient(server.url, {
      clock: systemClock,
      retry: { minDelay: 10_000 },
      // Abort exactly when the runtime starts its 10 s backoff.
      logger: (entry) => {
        if (entry.retryInMs !== undefined) controller.abort();
      },
    });
    const started = performance.now();
    const error = await client
      .GET("/items/{id}", { params, signal: controller.signal })
      .catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(AbortError);
    expect(error).toMatchObject({ attempts: 1, path: "/items/{id}" });
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(server.requests).toHaveLength(1);
  });

  test("stops a hanging attempt at once and does not retry it", async () => {
    server.reset();
    server.script("hang");
    const controller = new AbortController();
    const client = createTestClient(server.url, { clock: new RecordingClock() });
    const call = client.GET("/items/{id}", { params, signal: controller.signal });
    while (server.requests.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    controller.abort();
    await expect(call).rejects.toBeInstanceOf(AbortError);
    expect(server.requests).toHaveLength(1);
  });

  test("an already aborted signal sends nothing", async () => {
    server.reset();
    const client = createTestClient(server.url);
    await expect(client.GET("/items/{id}", { params, signal: AbortSignal.abort() })).rejects.toBeInstanceOf(
      AbortError,
    );
    expect(server.requests).toHaveLength(0);
  });

  test("stops a rate-limit wait at once", async () => {
    server.reset();
    server.script({ status: 200, body: ITEM });
    const clock = new ManualClock();
    const client = createTestClient(server.url, { clock, rateLimit: { requestsPerSecond: 1 } });
    await client.GET("/items/{id}", { params });
    const controller = new AbortController();
    const waiting = client.GET("/items/{id}", { params, signal: controller.signal });
    await settle();
    expect(clock.pending).toBe(1);
    controller.abort();
    const error = await waiting.catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(AbortError);
    expect(error).toMatchObject({ attempts: 0 });
    expect(server.requests).toHaveLength(1);
  });

  test("a limiter wait aborted at the back of the queue gives its slot back", async () => {
    const clock = new ManualClock();
    const limiter = new RateLimiter({ requestsPerSecond: 10 }, clock);
    expect(limiter.acquire()).toBeUndefined();
    const controller = new AbortController();
    const aborted = limiter.acquire(controller.signal);
    controller.abort();
    await expect(aborted).rejects.toThrow();
    // The freed slot goes to the next caller: released at 100 ms, not 200 ms.
    let releasedAt: number | undefined;
    void limiter.acquire()?.then(() => {
      releasedAt = clock.now();
    });
    await clock.advance(100);
    expect(releasedAt).toBe(100);
  });
});
