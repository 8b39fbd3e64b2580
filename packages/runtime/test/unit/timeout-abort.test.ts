// Per-attempt timeouts and the caller's AbortSignal against a real local server; the deadlines run
// on an injected clock wherever the test needs to know which came first.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { AbortError, RateLimiter, systemClock, TimeoutError } from "../../src/index.js";
import { deferred, ManualClock, RecordingClock, settle, track, until } from "../support/clocks.js";
import { type ScriptedServer, startScriptedServer } from "../support/scripted-server.js";
import { createTestClient, observeHeaders } from "../support/test-api.js";

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
    server.script("hang");
    const clock = new ManualClock();
    const client = createTestClient(server.url, { clock, timeout: 400, retry: false });
    await clock.advance(1_000);
    const call = track(client.GET("/items/{id}", { params }));
    await until(() => server.requests.length === 1);
    await clock.advance(399);
    expect(call.settled).toBe(false);
    await clock.advance(400);
    await expect(call.promise).rejects.toBeInstanceOf(TimeoutError);
  });

  test("gives every attempt its own full timeout", async () => {
    server.reset();
    const release = deferred();
    server.script("hang", { status: 200, body: ITEM, until: release.promise });
    const clock = new ManualClock();
    const client = createTestClient(server.url, { clock, timeout: 320, retry: { minDelay: 100, jitter: 0 } });
    const call = track(client.GET("/items/{id}", { params }));
    await until(() => server.requests.length === 1);
    await clock.advance(320); // attempt 1 times out, at 320 ms
    await until(() => clock.pending === 1); // its backoff, until 420 ms
    await clock.advance(100);
    await until(() => server.requests.length === 2);
    // Attempt 2 has run 319 ms of its own 320: a budget shared with attempt 1 would be long spent.
    await clock.advance(319);
    expect(call.settled).toBe(false);
    release.resolve();
    expect((await call.promise).data).toEqual(ITEM);
  });

  test("a per-call timeout overrides the client's, and the error names the origin", async () => {
    server.reset();
    server.script("hang");
    const clock = new ManualClock();
    const client = createTestClient(server.url, { clock, retry: false });
    const call = track(client.GET("/items/{id}", { params, timeout: 100 }));
    await until(() => server.requests.length === 1);
    await clock.advance(200);
    const error = await call.promise.catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as TimeoutError).message).toMatch(
      new RegExp(`^GET /items/\\{id\\} timed out after 100 ms from ${server.url} \\(`),
    );
  });

  test("timeout: false leaves a slow answer alone", async () => {
    server.reset();
    const release = deferred();
    server.script({ status: 200, body: ITEM, until: release.promise });
    const clock = new ManualClock();
    const client = createTestClient(server.url, { clock, timeout: 50 });
    const call = track(client.GET("/items/{id}", { params, timeout: false }));
    await until(() => server.requests.length === 1);
    await clock.advance(10_000);
    expect(call.settled).toBe(false);
    release.resolve();
    expect((await call.promise).data).toEqual(ITEM);
  });
});

describe("a signal that served earlier calls", () => {
  test("aborted by a later call's timeout, leaves the earlier answers whole and the next call working", async () => {
    server.reset();
    server.script({ status: 200, body: ITEM }, { status: 200, body: ITEM }, "hang", {
      status: 200,
      body: ITEM,
    });
    const clock = new ManualClock();
    const client = createTestClient(server.url, { clock, timeout: 300, retry: false });
    // Note: over the global fetch, the three calls share one signal: each read its answer whole.
    const first = await client.GET("/items/{id}", { params });
    const second = await client.GET("/items/{id}", { params });
    const late = track(client.GET("/items/{id}", { params }));
    await until(() => server.requests.length === 3);
    await clock.advance(300);
    await expect(late.promise).rejects.toBeInstanceOf(TimeoutError);
    expect(await first.response.json()).toEqual(ITEM);
    expect(await second.response.clone().text()).toBe(JSON.stringify(ITEM));
    expect((await client.GET("/items/{id}", { params })).data).toEqual(ITEM);
    expect(server.requests).toHaveLength(4);
  });
});

describe("a body that stalls after the headers", () => {
  test("times out, and the attempt is retried like any timeout", async () => {
    server.reset();
    server.script({ status: 200, body: ITEM, stallBody: true }, { status: 200, body: ITEM });
    const clock = new ManualClock();
    const client = createTestClient(server.url, { clock, timeout: 300, retry: { minDelay: 100, jitter: 0 } });
    const call = track(client.GET("/items/{id}", { params }));
    await until(() => server.requests.length === 1);
    // Time moves only when attempt 1 waits on it: past its deadline, then through its backoff.
    while (!call.settled) {
      await clock.advance(100);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    expect((await call.promise).data).toEqual(ITEM);
    expect(server.requests).toHaveLength(2);
  });

  test("ends in a TimeoutError that says the body was being read", async () => {
    server.reset();
    server.script({ status: 200, body: ITEM, stallBody: true });
    const seen = observeHeaders();
    const clock = new ManualClock();
    const client = createTestClient(server.url, { fetch: seen.fetch, clock, timeout: 300, retry: false });
    const call = client.GET("/items/{id}", { params }).catch((thrown: unknown) => thrown);
    await until(() => seen.headers === 1);
    await clock.advance(400);
    const error = await call;
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toMatchObject({ attempts: 1, status: undefined });
    expect((error as TimeoutError).message).toContain(
      `timed out after 300 ms reading the body from ${server.url}`,
    );
  });
});

describe("abort", () => {
  test("stops a backoff wait at once", async () => {
    server.reset();
    server.script({ status: 503, body: { message: "down" } });
    const controller = new AbortController();
    const client = createTestClient(server.url, {
      clock: systemClock,
      // Note: a backoff the abort failed to stop would outlast the test's timeout.
      retry: { minDelay: 60_000 },
      // Abort exactly when the runtime starts its 10 s backoff.
      logger: (entry) => {
        if (entry.retryInMs !== undefined) controller.abort();
      },
    });
    const error = await client
      .GET("/items/{id}", { params, signal: controller.signal })
      .catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(AbortError);
    expect(error).toMatchObject({ attempts: 1, path: "/items/{id}" });
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
    const client = createTestClient(server.url, {
      clock,
      rateLimit: new RateLimiter({ requestsPerSecond: 1 }, clock),
    });
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
