// Credentials come from createCx or the environment; a missing one fails only the API that needs it.
import { describe, expect, test } from "vitest";
import { CxOptionsError, createCx, MissingCredentialError } from "../../src/index.js";
import { scenario, writes } from "../support/fixtures.js";
import { ALPHARUN_TOKEN, DIXA_KEY } from "../support/scripted-server.js";
import { addCustomer } from "../support/world.js";

describe("credentials", () => {
  test("reads ALPHARUN_API_TOKEN and DIXA_API_KEY from the environment", async () => {
    const { world, server } = await scenario();
    const { interactionId } = addCustomer(world, { customer_satisfaction_score: 5 });
    const cx = createCx({
      env: { ALPHARUN_API_TOKEN: ALPHARUN_TOKEN, DIXA_API_KEY: DIXA_KEY },
      alpharun: { baseUrl: server.alpharunUrl },
      dixa: { baseUrl: server.dixaUrl },
    });

    const report = await cx.syncInteraction(interactionId);

    expect(report.status).toBe("applied");
    expect(server.requests.find((request) => request.api === "alpharun")?.headers.authorization).toBe(
      `Bearer ${ALPHARUN_TOKEN}`,
    );
    expect(server.requests.find((request) => request.api === "dixa")?.headers.authorization).toBe(DIXA_KEY);
  });

  test("reads ALPHARUN_BASE_URL and DIXA_BASE_URL from its env, as the CLI does", async () => {
    const { world, server } = await scenario();
    const { interactionId } = addCustomer(world, { customer_satisfaction_score: 5 });
    const cx = createCx({
      env: {
        ALPHARUN_API_TOKEN: ALPHARUN_TOKEN,
        DIXA_API_KEY: DIXA_KEY,
        ALPHARUN_BASE_URL: server.alpharunUrl,
        DIXA_BASE_URL: server.dixaUrl,
      },
    });

    const report = await cx.syncInteraction(interactionId);

    expect(report.status).toBe("applied");
    expect(new Set(server.requests.map((request) => request.api))).toEqual(new Set(["alpharun", "dixa"]));
  });

  test("a base URL in its env that is not an http(s) URL is refused naming the variable, before any request", async () => {
    const { world, server } = await scenario();
    const { interactionId } = addCustomer(world, { customer_satisfaction_score: 5 });
    const cx = createCx({
      env: {
        ALPHARUN_API_TOKEN: ALPHARUN_TOKEN,
        DIXA_API_KEY: DIXA_KEY,
        ALPHARUN_BASE_URL: server.alpharunUrl,
        DIXA_BASE_URL: "dixa.example",
      },
    });

    const error = await cx.syncInteraction(interactionId).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(CxOptionsError);
    expect((error as CxOptionsError).option).toBe("DIXA_BASE_URL");
    expect((error as Error).message).toContain(
      'DIXA_BASE_URL must be an absolute http(s) URL, got "dixa.example"',
    );
    expect(server.requests).toEqual([]);
  });

  test("creating the facade without credentials does not throw", () => {
    expect(() => createCx({ env: {} })).not.toThrow();
  });

  test("a missing Dixa key is an error naming DIXA_API_KEY, raised when Dixa is first used", async () => {
    const { world, server } = await scenario();
    const { interactionId } = addCustomer(world, { customer_satisfaction_score: 5 });
    const cx = createCx({
      env: { ALPHARUN_API_TOKEN: ALPHARUN_TOKEN },
      alpharun: { baseUrl: server.alpharunUrl },
      dixa: { baseUrl: server.dixaUrl },
    });
    expect(cx.alpharun).toBeDefined();

    const error = await cx.syncInteraction(interactionId).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(MissingCredentialError);
    expect(error).toMatchObject({ api: "dixa", variable: "DIXA_API_KEY" });
    expect((error as Error).message).toMatch(/^DIXA_API_KEY is not set/);
    expect(() => cx.dixa).toThrow(MissingCredentialError);
    expect(writes(server)).toEqual([]);
  });

  test("a missing Alpharun token names ALPHARUN_API_TOKEN and stops a backfill before any request", async () => {
    const { server } = await scenario();
    const cx = createCx({
      env: { DIXA_API_KEY: DIXA_KEY, ALPHARUN_API_TOKEN: " " },
      dixa: { baseUrl: server.dixaUrl },
    });

    const error = await cx.backfillContact("alt:ext_id:contact-1").catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(MissingCredentialError);
    expect(error).toMatchObject({ variable: "ALPHARUN_API_TOKEN" });
    expect(server.requests).toEqual([]);
  });
});
