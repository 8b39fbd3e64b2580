// createDixaClient refuses a bad option at construction (ClientOptionsError naming it); nothing is sent.
import { ClientOptionsError } from "@cxkit/runtime";
import { describe, expect, test } from "vitest";
import { createDixaClient } from "../../src/index.js";

describe("createDixaClient", () => {
  test.each([
    ["retries -1", { retry: { retries: -1 } }, "retry.retries", "got -1"],
    ["timeout -5", { timeout: -5 }, "timeout", "got -5"],
    ["timeout NaN", { timeout: Number.NaN }, "timeout", "got NaN"],
    ["a base URL that is not a URL", { baseUrl: "not a url" }, "baseUrl", 'got "not a url"'],
    [
      "rate-limit options rather than a RateLimiter",
      { rateLimit: { requestsPerSecond: 5 } },
      "rateLimit",
      "got an object",
    ],
    ["headers with a number", { headers: { "x-team": 1 } }, "headers.x-team", "got 1"],
    ["a logger that is not a function", { logger: true }, "logger", "got true"],
  ])("refuses %s before any request", (_what, options, option, given) => {
    const sent: unknown[] = [];
    const fetch = async (request: Request) => {
      sent.push(request);
      return Response.json({});
    };

    const build = () => createDixaClient({ apiKey: "secret", fetch, ...options } as never);

    expect(build).toThrow(ClientOptionsError);
    expect(build).toThrow(`createDixaClient: \`${option}\` must be`);
    expect(build).toThrow(given);
    expect(sent).toEqual([]);
  });
});
