// No process warning, however many calls wait on one signal: Node warns past 10 abort listeners.
import { afterAll, beforeAll, expect, test } from "vitest";
import { RateLimiter } from "../../src/index.js";
import { settle } from "../support/clocks.js";
import { type ScriptedServer, startScriptedServer } from "../support/scripted-server.js";
import { createTestClient } from "../support/test-api.js";

let server: ScriptedServer;
beforeAll(async () => {
  server = await startScriptedServer();
});
afterAll(() => server.close());

const params = { path: { id: "42" } };
const ITEM = { id: "42", name: "a" };
const CALLS = 200;

/** Runs `calls`, and returns the process warnings emitted meanwhile. */
async function warningsDuring(calls: () => Promise<unknown>): Promise<string[]> {
  const warnings: string[] = [];
  const record = (warning: Error) => warnings.push(`${warning.name}: ${warning.message}`);
  process.on("warning", record);
  try {
    await calls();
    await settle();
  } finally {
    process.off("warning", record);
  }
  return warnings;
}

test("200 calls queued behind the rate limit, without a caller signal or all sharing one, emit no warning", async () => {
  server.reset();
  server.script({ status: 200, body: ITEM });
  const client = createTestClient(server.url, {
    rateLimit: new RateLimiter({ requestsPerSecond: 4_000, burst: 1 }),
  });
  const shared = new AbortController();
  const warnings = await warningsDuring(async () => {
    await Promise.all(Array.from({ length: CALLS }, () => client.GET("/items/{id}", { params })));
    await Promise.all(
      Array.from({ length: CALLS }, () => client.GET("/items/{id}", { params, signal: shared.signal })),
    );
  });
  expect(warnings).toEqual([]);
  expect(server.requests).toHaveLength(2 * CALLS);
});

test("200 calls in flight at once, all sharing one caller signal, emit no warning", async () => {
  server.reset();
  let release!: () => void;
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  server.script({ status: 200, body: ITEM, until: released });
  const client = createTestClient(server.url);
  const shared = new AbortController();
  const warnings = await warningsDuring(async () => {
    const calls = Array.from({ length: CALLS }, () =>
      client.GET("/items/{id}", { params, signal: shared.signal }),
    );
    while (server.requests.length < CALLS) await new Promise((wake) => setTimeout(wake, 5));
    release();
    await Promise.all(calls);
  });
  expect(warnings).toEqual([]);
});
