// One error surface: the clients' errors, unwrap and paginate from one import; one MissingCredentialError
// whether a credential reaches a client factory, createCx or the CLI; errors that serialise; request ids
// in failure reports.
import { createAlpharunClient } from "@cxkit/alpharun";
import { createDixaClient } from "@cxkit/dixa";
import * as runtime from "@cxkit/runtime";
import { describe, expect, test } from "vitest";
import { runCli } from "../../src/cli/run-cli.js";
import * as sdk from "../../src/index.js";
import { createCx, EnvironmentCredentialError, MissingCredentialError } from "../../src/index.js";
import { captureIo } from "../support/capture-io.js";
import { scenario } from "../support/fixtures.js";
import { ALPHARUN_TOKEN, DIXA_KEY } from "../support/scripted-server.js";
import { addCustomer } from "../support/world.js";

const isErrorClass = (value: unknown) => typeof value === "function" && value.prototype instanceof Error;

/** What a call throws, or undefined. */
function thrown(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  return undefined;
}

describe("one import serves a service", () => {
  test("@cxkit/sdk exports every error class of the runtime, unwrap and paginate", () => {
    const runtimeErrors = Object.entries(runtime).filter(([, value]) => isErrorClass(value));
    expect(runtimeErrors.length).toBeGreaterThanOrEqual(15);
    const exported = new Map(Object.entries(sdk));
    for (const [name, value] of runtimeErrors) expect(exported.get(name), name).toBe(value);
    expect(sdk.unwrap).toBe(runtime.unwrap);
    expect(sdk.paginate).toBe(runtime.paginate);
    expect(sdk.pages).toBe(runtime.pages);
  });

  test("every error class of its own serialises with its name and message", () => {
    const own = [
      new sdk.CxError("a misconfiguration"),
      new sdk.CxOptionsError("timeout", "createCx: timeout must be a number"),
      new sdk.MappingError([{ key: "csat", attribute: "csat", message: "no such attribute" } as never]),
      new sdk.WebhookPayloadError("malformed", "not JSON"),
      new sdk.CheckpointError("cannot write"),
      new sdk.BackfillInterruptedError(new Error("down"), { total: 0 } as never),
      new EnvironmentCredentialError("dixa"),
      new sdk.EnvironmentSecretError("missing"),
      new sdk.WebhookSignatureError("bad-signature", "the signature does not match"),
      new sdk.WebhookSecretError("it has whitespace around it"),
    ];
    const ownClasses = Object.entries(sdk).filter(
      ([name, value]) => isErrorClass(value) && !(name in runtime),
    );
    expect(own.map((error) => error.constructor)).toEqual(
      expect.arrayContaining(ownClasses.map(([, c]) => c)),
    );
    for (const error of own) {
      const json = JSON.parse(JSON.stringify(error));
      expect(json, error.name).toMatchObject({ name: error.name, message: error.message });
      expect(error.message).not.toBe("");
    }
  });
});

describe("every bad credential fails the same way", () => {
  const bad: [string, unknown][] = [
    ["missing", undefined],
    ["blank", "   "],
    ["not header-safe", "secret\u0000token"],
    ["surrounded by whitespace", " secret-token "],
  ];

  test.each(bad)(
    "a %s credential is a MissingCredentialError through both factories and createCx",
    (_, value) => {
      const errors = [
        thrown(() => createAlpharunClient({ token: value as string })),
        thrown(() => createDixaClient({ apiKey: value as string })),
        thrown(() => createCx({ env: {}, alpharun: { token: value as string } }).alpharun),
        thrown(() => createCx({ env: {}, dixa: { apiKey: value as string } }).dixa),
      ];
      for (const error of errors) {
        expect(error).toBeInstanceOf(MissingCredentialError);
        expect(error).toBeInstanceOf(runtime.MissingCredentialError);
        expect(JSON.stringify(error)).not.toContain("secret");
      }
    },
  );

  test.each(bad.slice(1))("a %s credential from the environment names its variable", (_, value) => {
    const cx = createCx({ env: { ALPHARUN_API_TOKEN: value as string, DIXA_API_KEY: DIXA_KEY } });
    const error = thrown(() => cx.alpharun);
    expect(error).toBeInstanceOf(EnvironmentCredentialError);
    expect(error).toBeInstanceOf(MissingCredentialError);
    expect(error).toMatchObject({ name: "MissingCredentialError", variable: "ALPHARUN_API_TOKEN" });
  });

  test("a header-unsafe token stops a sync before any request instead of failing the item", async () => {
    const { world, server } = await scenario();
    const { interactionId } = addCustomer(world, { customer_satisfaction_score: 4 });
    const cx = createCx({
      env: { ALPHARUN_API_TOKEN: "tok\u0000en", DIXA_API_KEY: DIXA_KEY },
      alpharun: { baseUrl: server.alpharunUrl },
      dixa: { baseUrl: server.dixaUrl },
    });
    await expect(cx.syncInteraction(interactionId)).rejects.toBeInstanceOf(MissingCredentialError);
    expect(server.requests).toEqual([]);
  });

  test("the CLI exits 2 with a MissingCredentialError for a header-unsafe key", async () => {
    const { io, out } = captureIo({ ALPHARUN_API_TOKEN: ALPHARUN_TOKEN, DIXA_API_KEY: "key\u0007" });
    const status = await runCli(["sync", "11111111-2222-3333-4444-555555555555", "--json"], io);
    expect(status).toBe(2);
    expect(JSON.parse(out.stdout)).toEqual({
      error: {
        name: "MissingCredentialError",
        message: expect.stringContaining("DIXA_API_KEY has characters"),
      },
    });
  });
});

describe("failure reports", () => {
  test("a failed call's request id is a field of the report's error", async () => {
    const { cx, world, server } = await scenario();
    const { interactionId } = addCustomer(world, { customer_satisfaction_score: 4 });
    server.script({
      api: "dixa",
      method: "PATCH",
      status: 400,
      body: { message: "Invalid value for: body" },
    });

    const report = await cx.syncInteraction(interactionId);

    expect(report.status).toBe("failed");
    const failure = report.error ?? report.fields.find((field) => field.status === "failed")?.error;
    expect(failure).toMatchObject({ status: 400, requestId: expect.any(String) });
    expect(failure?.message).toContain(failure?.requestId);
  });
});
