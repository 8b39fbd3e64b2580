// Every runtime option a client factory takes is checked at construction: type and range, before any request.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import {
  ClientOptionsError,
  createApiClient,
  MAX_DELAY_MS,
  MissingCredentialError,
  RateLimiter,
  type VendorProfile,
} from "../../src/index.js";
import { type ScriptedServer, startScriptedServer } from "../support/scripted-server.js";
import type { paths } from "../support/test-api.js";

let server: ScriptedServer;
beforeAll(async () => {
  server = await startScriptedServer();
  server.script({ status: 200, body: { id: "1", name: "one" } });
});
afterAll(() => server.close());

const vendor = (baseUrl: string): VendorProfile => ({
  factory: "createTestClient",
  credential: "apiKey",
  baseUrl,
  authorization: (key) => `Key ${key}`,
  idempotentOperations: [],
  rateLimit: false,
});

const build = (options: Record<string, unknown>) =>
  createApiClient<paths>(vendor(server.url), "secret-key", options as never);

const MS = `a number from 0 to ${MAX_DELAY_MS}`;

// [what, options, the option named, what the message says is allowed, what it says was given]
const BAD: [string, Record<string, unknown>, string, string, string][] = [
  [
    "negative retries",
    { retry: { retries: -1 } },
    "retry.retries",
    `a whole number from 0 to ${MAX_DELAY_MS}`,
    "-1",
  ],
  ["fractional retries", { retry: { retries: 1.5 } }, "retry.retries", "a whole number", "1.5"],
  ["retries as a string", { retry: { retries: "3" } }, "retry.retries", "a whole number", '"3"'],
  ["a negative timeout", { timeout: -5 }, "timeout", `a number from 1 to ${MAX_DELAY_MS}`, "-5"],
  ["a NaN timeout", { timeout: Number.NaN }, "timeout", "a number from 1", "NaN"],
  ["a zero timeout", { timeout: 0 }, "timeout", "a number from 1", "0"],
  ["an infinite timeout", { timeout: Number.POSITIVE_INFINITY }, "timeout", "a number from 1", "Infinity"],
  [
    "a timeout past the timer's limit",
    { timeout: MAX_DELAY_MS + 1 },
    "timeout",
    "a number from 1",
    "2147483648",
  ],
  ["timeout: true", { timeout: true }, "timeout", "a number from 1", "true"],
  [
    "a base URL that is not a URL",
    { baseUrl: "api.example.com" },
    "baseUrl",
    "an absolute http(s) URL",
    '"api.example.com"',
  ],
  [
    "a base URL of another scheme",
    { baseUrl: "ftp://example.com" },
    "baseUrl",
    "an absolute http(s) URL",
    '"ftp',
  ],
  [
    "a base URL with a space",
    { baseUrl: "https://example.com /api" },
    "baseUrl",
    "an absolute http(s) URL",
    '"https',
  ],
  [
    "a base URL with a query",
    { baseUrl: "https://example.com/api?x=1" },
    "baseUrl",
    "an absolute http(s) URL",
    '"https',
  ],
  ["a base URL that is a number", { baseUrl: 42 }, "baseUrl", "an absolute http(s) URL", "42"],
  ["fetch that is not a function", { fetch: "fetch" }, "fetch", "of type function", '"fetch"'],
  ["a logger that is not a function", { logger: { log() {} } }, "logger", "of type function", "an object"],
  ["throwOnError as a string", { throwOnError: "yes" }, "throwOnError", "of type boolean", '"yes"'],
  ["headers as a string", { headers: "x-a: 1" }, "headers", "of type object", '"x-a: 1"'],
  [
    "a header that is a number",
    { headers: { "x-team": 7 } },
    "headers.x-team",
    "a string without control characters",
    "7",
  ],
  [
    "a header name with a space",
    { headers: { "x team": "a" } },
    "headers.x team",
    "a string without control characters, under a valid name",
    '"[REDACTED]"',
  ],
  [
    "an Authorization header",
    { headers: { authorization: "Bearer other" } },
    "headers.authorization",
    "a string without control characters, under a valid name but Authorization",
    '"[REDACTED]"',
  ],
  ["retry: true", { retry: true }, "retry", "of type object", "true"],
  ["a negative minDelay", { retry: { minDelay: -1 } }, "retry.minDelay", MS, "-1"],
  [
    "an infinite maxDelay",
    { retry: { maxDelay: Number.POSITIVE_INFINITY } },
    "retry.maxDelay",
    MS,
    "Infinity",
  ],
  ["a NaN maxRetryAfter", { retry: { maxRetryAfter: Number.NaN } }, "retry.maxRetryAfter", MS, "NaN"],
  ["jitter above 1", { retry: { jitter: 2 } }, "retry.jitter", "a number from 0 to 1", "2"],
  [
    "nonIdempotent as a number",
    { retry: { nonIdempotent: 1 } },
    "retry.nonIdempotent",
    "of type boolean",
    "1",
  ],
  [
    "idempotentOperations as a string",
    { retry: { idempotentOperations: "PATCH /a" } },
    "retry.idempotentOperations",
    "of type object",
    '"PATCH /a"',
  ],
  [
    "rateLimit as a number",
    { rateLimit: 10 },
    "rateLimit",
    "a RateLimiter (`new RateLimiter({ requestsPerSecond })`) or false",
    "10",
  ],
  [
    "rateLimit as options rather than a RateLimiter",
    { rateLimit: { requestsPerSecond: 5 } },
    "rateLimit",
    "a RateLimiter",
    "an object",
  ],
  ["rateLimit: true", { rateLimit: true }, "rateLimit", "a RateLimiter", "true"],
];

describe("createApiClient refuses a bad option before any request", () => {
  test.each(BAD)("%s", (_what, options, option, allowed, given) => {
    const error = caught(() => build(options));

    expect(error).toBeInstanceOf(ClientOptionsError);
    expect(error).toBeInstanceOf(TypeError);
    expect(error).toMatchObject({ name: "ClientOptionsError", option });
    expect(error.message).toContain(`createTestClient: \`${option}\` must be ${allowed}`);
    expect(error.message).toContain(`got ${given}`);
    expect(server.requests).toEqual([]);
  });

  test("never shows a header's value, which may be a secret", () => {
    const error = caught(() => build({ headers: { "x-api-key": "hunter2\n" } }));

    expect(error.message).not.toContain("hunter2");
    expect(error.message).toContain("[REDACTED]");
  });

  test("quotes a long value as its first 80 characters and its length", () => {
    const error = caught(() => build({ baseUrl: "x".repeat(10_000) }));

    expect(error.message).toContain(`got "${"x".repeat(80)}…" (10000 characters)`);
    expect(error.message.length).toBeLessThan(250);
  });

  test("keeps refusing a bad credential with MissingCredentialError, before the options", () => {
    expect(() => createApiClient(vendor(server.url), " ", { timeout: -5 })).toThrow(MissingCredentialError);
  });
});

describe("createApiClient accepts every option within its range", () => {
  test("and the client then sends its request", async () => {
    const client = build({
      baseUrl: `${server.url}/`,
      fetch: (request: Request, init?: RequestInit) => globalThis.fetch(request, init),
      logger: () => {},
      throwOnError: false,
      headers: { "x-team": "cx" },
      timeout: MAX_DELAY_MS,
      retry: {
        retries: 0,
        minDelay: 0,
        maxDelay: MAX_DELAY_MS,
        jitter: 1,
        maxRetryAfter: 0,
        nonIdempotent: true,
        idempotentOperations: [],
      },
      rateLimit: new RateLimiter({ requestsPerSecond: 0.001, burst: 1 }),
    });

    const { data } = await client.GET("/items/{id}", { params: { path: { id: "1" } } });

    expect(data).toEqual({ id: "1", name: "one" });
    expect(server.requests).toHaveLength(1);
    server.reset();
  });

  test.each([
    ["timeout", { timeout: false }],
    ["retry", { retry: false }],
    ["rateLimit", { rateLimit: false }],
    ["a shared RateLimiter", { rateLimit: new RateLimiter({ requestsPerSecond: 5 }) }],
  ])("takes false (or a RateLimiter) for %s", (_what, options) => {
    expect(() => build(options)).not.toThrow();
  });
});

describe("new RateLimiter refuses bad options, naming the option", () => {
  test.each([
    [
      "a zero rate",
      { requestsPerSecond: 0 },
      "requestsPerSecond",
      `a number from 0.001 to ${MAX_DELAY_MS}`,
      "0",
    ],
    ["a negative rate", { requestsPerSecond: -1 }, "requestsPerSecond", "a number from 0.001", "-1"],
    ["a NaN rate", { requestsPerSecond: Number.NaN }, "requestsPerSecond", "a number from 0.001", "NaN"],
    [
      "an infinite rate",
      { requestsPerSecond: Number.POSITIVE_INFINITY },
      "requestsPerSecond",
      "a number from 0.001",
      "Infinity",
    ],
    ["no rate", { burst: 2 }, "requestsPerSecond", "set", "undefined"],
    ["a zero burst", { requestsPerSecond: 5, burst: 0 }, "burst", "a whole number from 1", "0"],
    ["a fractional burst", { requestsPerSecond: 10, burst: 0.5 }, "burst", "a whole number from 1", "0.5"],
    ["no options", undefined, "options", "an object", "undefined"],
  ])("%s", (_what, options, option, allowed, given) => {
    const error = caught(() => new RateLimiter(options as never));

    expect(error).toBeInstanceOf(ClientOptionsError);
    expect(error.option).toBe(option);
    expect(error.message).toMatch(new RegExp(`^RateLimiter: \`${option}\` must be `));
    expect(error.message).toContain(allowed);
    expect(error.message).toContain(`got ${given}`);
  });
});

function caught(run: () => unknown): ClientOptionsError {
  try {
    run();
  } catch (error) {
    return error as ClientOptionsError;
  }
  throw new Error("expected a throw");
}
