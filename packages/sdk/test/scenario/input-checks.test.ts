// Bad input to the facade is refused where it enters, with CxOptionsError naming it, and no request is sent.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import {
  BackfillInterruptedError,
  CheckpointError,
  type Cx,
  CxOptionsError,
  createCx,
  MissingCredentialError,
  WebhookPayloadError,
} from "../../src/index.js";
import { scenario } from "../support/fixtures.js";
import { ALPHARUN_TOKEN, DIXA_KEY, type ScriptedServer } from "../support/scripted-server.js";
import { addCustomer } from "../support/world.js";

const ID = "11111111-2222-3333-4444-555555555555";
const LONG = "x".repeat(10_000);

/** What a refusal must say: the error names `option` and says what was `given` and what is `allowed`. */
type Case = [what: string, input: unknown, option: string, given: string, allowed: string];

async function refusal(run: () => unknown): Promise<CxOptionsError> {
  try {
    await run();
  } catch (error) {
    return error as CxOptionsError;
  }
  throw new Error("expected a CxOptionsError");
}

function expectRefusal(error: CxOptionsError, where: string, [, , option, given, allowed]: Case) {
  expect(error).toBeInstanceOf(CxOptionsError);
  expect(error.option).toBe(option);
  expect(error.message.startsWith(`${where}: ${option}`)).toBe(true);
  expect(error.message).toContain(given);
  expect(error.message).toContain(allowed);
}

describe("createCx", () => {
  const cases: Case[] = [
    [
      "retries -1 (a sync would write on)",
      { retry: { retries: -1 } },
      "retry.retries",
      "got -1",
      "a whole number from 0",
    ],
    ["timeout -5", { timeout: -5 }, "timeout", "got -5", "a number from 1"],
    ["timeout NaN", { timeout: Number.NaN }, "timeout", "got NaN", "a number from 1"],
    [
      "a base URL that is not a URL",
      { alpharun: { baseUrl: "not a url" } },
      "alpharun.baseUrl",
      '"not a url"',
      "absolute http(s) URL",
    ],
    [
      "a Dixa base URL with a query",
      { dixa: { baseUrl: "https://x.test/?a" } },
      "dixa.baseUrl",
      '"https://x.test/?a"',
      "http(s) URL",
    ],
    [
      "a zero rate limit",
      { dixa: { rateLimit: { requestsPerSecond: 0 } } },
      "dixa.rateLimit.requestsPerSecond",
      "got 0",
      "from 0.001",
    ],
    [
      "a header that is not a string",
      { dixa: { headers: { "x-team": 1 } } },
      "dixa.headers.x-team",
      "got 1",
      "a string",
    ],
    ["a logger that is not a function", { logger: "console" }, "logger", '"console"', "of type function"],
    ["a fetch that is not a function", { fetch: {} }, "fetch", "an object", "of type function"],
    [
      "a mapping that is a string",
      { mapping: "csat" },
      "mapping",
      '"csat"',
      "an object of Alpharun field keys",
    ],
    [
      "a mapping to a non-string",
      { mapping: { csat: 5 } },
      "mapping.csat",
      "got 5",
      "a Dixa attribute identifier",
    ],
    [
      "a mapping to an empty identifier",
      { mapping: { csat: "" } },
      "mapping.csat",
      'got ""',
      "a Dixa attribute identifier",
    ],
    [
      "a rule without an attribute",
      { mapping: { csat: { transform: String } } },
      "mapping.csat.attribute",
      "undefined",
      "identifier",
    ],
    [
      "a transform that is not a function",
      { mapping: { csat: { attribute: "a", transform: "round" } } },
      "mapping.csat.transform",
      '"round"',
      "a function",
    ],
    [
      "a misspelt rule key",
      { mapping: { csat: { attribute: "a", transfrom: String } } },
      "mapping.csat.transfrom",
      "is not an option",
      "attribute, transform",
    ],
    [
      "two fields onto one attribute",
      { mapping: { a: "csat", b: "csat" } },
      "mapping.b",
      'the Dixa attribute "csat"',
      "each attribute takes one field",
    ],
    [
      "an empty write-back key",
      { writeBackKey: "" },
      "writeBackKey",
      'got ""',
      "false or an Alpharun custom field key",
    ],
    ["a write-back key of two lines", { writeBackKey: "a\nb" }, "writeBackKey", '"a\\nb"', "one line"],
    ["a negative cache TTL", { attributeCacheTtlMs: -1 }, "attributeCacheTtlMs", "got -1", ">= 0"],
    [
      "an env that is not an object",
      { env: "ALPHARUN_API_TOKEN=x" },
      "env",
      '"ALPHARUN_API_TOKEN=x"',
      "an object",
    ],
    ["an unknown option", { timeOut: 5 }, "timeOut", "is not an option", "alpharun, dixa"],
    ["an unknown Dixa option", { dixa: { token: "x" } }, "dixa.token", "is not an option", "apiKey"],
    ["options that are not an object", "fast", "options", '"fast"', "an object"],
  ];

  test.each(cases)("refuses %s", async (...entry) => {
    const error = await refusal(() => createCx(entry[1] as never));
    expectRefusal(error, "createCx", entry);
  });

  test.each([
    [{ fields: { a: "status" }, lookups: ["email"] }, "contactMapping.lookups", "fields, lookup"],
    [{ fields: { a: { value: () => 1, use: ["tags"] } } }, "contactMapping.fields.a.use", "value, uses"],
  ])(
    "refuses a contact mapping with an unknown key, naming the keys it takes",
    async (mapping, option, keys) => {
      const error = await refusal(() => createCx({ contactMapping: mapping as never }));
      expect(error).toBeInstanceOf(CxOptionsError);
      expect(error.option).toBe(option);
      expect(error.message).toBe(`createCx: ${option} is not an option (options: ${keys})`);
    },
  );

  test("never shows a credential it refuses", async () => {
    const error = await refusal(() => createCx({ alpharun: { token: "secret-token\u0000" } }));
    expect(error.message).not.toContain("secret-token");
  });

  test("accepts every option within its range", () => {
    expect(() =>
      createCx({
        alpharun: { token: "t", baseUrl: "http://127.0.0.1:1/alpharun", headers: { "x-team": "cx" } },
        dixa: { apiKey: "k", baseUrl: "https://dixa.test/beta", rateLimit: false },
        retry: false,
        timeout: false,
        logger: () => {},
        fetch: globalThis.fetch,
        mapping: { csat: "csat", tier: { attribute: "tier", transform: String } },
        writeBackKey: false,
        attributeCacheTtlMs: 0,
        env: {},
      }),
    ).not.toThrow();
  });
});

describe("facade methods", () => {
  let server: ScriptedServer;
  let cx: Cx;
  let dir: string;
  beforeEach(async () => {
    ({ server, cx } = await scenario());
    dir = await mkdtemp(join(tmpdir(), "cxkit-input-"));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  const syncCases: Case[] = [
    ["a blank id", ["   "], "interactionId", '"   "', "a UUID"],
    ["an id with a newline", [`${ID}\n`], "interactionId", "\\n", "a UUID"],
    [
      "a 10,000-character id",
      [LONG],
      "interactionId",
      `got "${"x".repeat(80)}…" (10000 characters)`,
      "a UUID",
    ],
    [
      "an id that is not a UUID (format: uuid)",
      ["interaction-1"],
      "interactionId",
      '"interaction-1"',
      "format uuid",
    ],
    ["an id that is not a string", [42], "interactionId", "got 42", "a UUID"],
    [
      "a conversation id of 0",
      [ID, { conversationId: 0 }],
      "conversationId",
      "got 0",
      "a whole number from 1",
    ],
    [
      "a conversation id as a string",
      [ID, { conversationId: "100" }],
      "conversationId",
      '"100"',
      "a whole number",
    ],
    ["dryRun as a string", [ID, { dryRun: "yes" }], "dryRun", '"yes"', "a boolean"],
    [
      "a mapping to a non-string",
      [ID, { mapping: { csat: null } }],
      "mapping.csat",
      "null",
      "a Dixa attribute identifier",
    ],
    ["an empty write-back key", [ID, { writeBackKey: "" }], "writeBackKey", 'got ""', "custom field key"],
    ["an unknown option", [ID, { conversation: 1 }], "conversation", "is not an option", "conversationId"],
  ];

  test.each(syncCases)("syncInteraction refuses %s", async (...entry) => {
    const [id, options] = entry[1] as [string, object?];
    const error = await refusal(() => cx.syncInteraction(id, options as never));
    expectRefusal(error, "syncInteraction", entry);
    expect(server.requests).toEqual([]);
  });

  const backfillCases: Case[] = [
    ["null", [null], "ids", "got null", "an array, iterable or async iterable"],
    ["a string", [ID], "ids", `"${ID}"`, "an array, iterable or async iterable"],
    ["[null, 42, {}]", [[null, 42, {}]], "ids[0]", "got null", "a UUID"],
    ["a bad id after good ones", [[ID, ID, 42]], "ids[2]", "got 42", "a UUID"],
    ["concurrency 0", [[ID], { concurrency: 0 }], "concurrency", "got 0", "a whole number from 1 to 100"],
    ["concurrency 1e9", [[ID], { concurrency: 1e9 }], "concurrency", "got 1000000000", "from 1 to 100"],
    ["an empty checkpoint path", [[ID], { checkpoint: "" }], "checkpoint", 'got ""', "a file path"],
    ["onProgress that is not a function", [[ID], { onProgress: true }], "onProgress", "true", "a function"],
    ["a signal that is not an AbortSignal", [[ID], { signal: {} }], "signal", "an object", "an AbortSignal"],
    [
      "a negative maxListedFailures",
      [[ID], { maxListedFailures: -1 }],
      "maxListedFailures",
      "-1",
      "a whole number >= 0",
    ],
    [
      "a sync option out of range",
      [[ID], { conversationId: -3 }],
      "conversationId",
      "-3",
      "a whole number from 1",
    ],
  ];

  test.each(backfillCases)("backfill refuses %s", async (...entry) => {
    const [ids, options] = entry[1] as [unknown, object?];
    const error = await refusal(() => cx.backfill(ids as never, options as never));
    expectRefusal(error, "backfill", entry);
    expect(server.requests).toEqual([]);
  });

  test("backfill stops at a bad id deep in a stream and reports what it did", async () => {
    const { interactionId } = addCustomer(server.world, { customer_satisfaction_score: 4 });
    async function* ids() {
      yield interactionId;
      yield "not-a-uuid";
    }

    const error = await cx.backfill(ids(), { concurrency: 1 }).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(BackfillInterruptedError);
    expect((error as BackfillInterruptedError).cause).toBeInstanceOf(CxOptionsError);
    expect((error as Error).message).toContain("backfill: ids[1] must be a UUID");
    expect((error as BackfillInterruptedError).report).toMatchObject({ total: 1, applied: 1, aborted: true });
  });

  const contactCases: Case[] = [
    ["a blank contact id", ["  "], "contactId", '"  "', "a contact UUID or alt:ext_id:<ext_id>"],
    ["a bare ext id", ["ext_contact_789"], "contactId", '"ext_contact_789"', "alt:ext_id:<ext_id>"],
    ["an empty ext id", ["alt:ext_id:"], "contactId", '"alt:ext_id:"', "alt:ext_id:<ext_id>"],
    ["a contact id with a newline", ["alt:ext_id:a\nb"], "contactId", "\\n", "one line"],
    [
      "a 10,000-character contact id",
      [`alt:ext_id:${LONG}`],
      "contactId",
      `got "alt:ext_id:${"x".repeat(69)}…" (10011 characters)`,
      "at most 256 characters",
    ],
    ["concurrency 1.5", ["alt:ext_id:c", { concurrency: 1.5 }], "concurrency", "1.5", "a whole number"],
  ];

  test.each(contactCases)("backfillContact refuses %s", async (...entry) => {
    const [contactId, options] = entry[1] as [string, object?];
    const error = await refusal(() => cx.backfillContact(contactId, options as never));
    expectRefusal(error, "backfillContact", entry);
    expect(server.requests).toEqual([]);
  });

  test.each([
    ["an unknown option", { conversationId: 5 }, "conversationId", "is not an option"],
    ["dryRun as a number", { dryRun: 1 }, "dryRun", "a boolean"],
  ])("handleAlpharunWebhook refuses %s", async (_what, options, option, message) => {
    const payload = {
      event_type: "customer_interaction.updated",
      data: { customer_interaction: { id: ID, public_api_url: "" } },
    };
    const error = await refusal(() => cx.handleAlpharunWebhook(payload, options as never));
    expect(error).toBeInstanceOf(CxOptionsError);
    expect(error).toMatchObject({ option });
    expect(error.message).toContain(message);
    expect(server.requests).toEqual([]);
  });

  test("handleAlpharunWebhook refuses a payload whose interaction id is not a UUID", async () => {
    const payload = {
      event_type: "customer_interaction.updated",
      data: { customer_interaction: { id: "abc", public_api_url: "" } },
    };
    const error = await cx.handleAlpharunWebhook(payload).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(WebhookPayloadError);
    expect((error as Error).message).toContain("`data.customer_interaction.id` is not a UUID");
    expect(server.requests).toEqual([]);
  });

  test("a backfill refuses a checkpoint that is some other file, before any request", async () => {
    const checkpoint = join(dir, "package.json");
    await writeFile(checkpoint, '{\n  "name": "app"\n}\n');
    const error = await cx.backfill([ID], { checkpoint }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(CheckpointError);
    expect((error as Error).message).toContain(
      `${JSON.stringify(checkpoint)} is not a cxkit checkpoint: line 2`,
    );
    expect(server.requests).toEqual([]);
  });
});

describe("credentials from the environment", () => {
  test.each([
    [
      "a trailing newline",
      { ALPHARUN_API_TOKEN: `${ALPHARUN_TOKEN}\n`, DIXA_API_KEY: DIXA_KEY },
      "ALPHARUN_API_TOKEN has surrounding whitespace",
    ],
    [
      "surrounding spaces",
      { ALPHARUN_API_TOKEN: ALPHARUN_TOKEN, DIXA_API_KEY: ` ${DIXA_KEY} ` },
      "DIXA_API_KEY has surrounding whitespace",
    ],
    [
      "a line break inside",
      { ALPHARUN_API_TOKEN: ALPHARUN_TOKEN, DIXA_API_KEY: "a\nb" },
      "DIXA_API_KEY has characters an HTTP header cannot carry",
    ],
    ["a blank value", { ALPHARUN_API_TOKEN: "  ", DIXA_API_KEY: DIXA_KEY }, "ALPHARUN_API_TOKEN is not set"],
    ["no Dixa key", { ALPHARUN_API_TOKEN: ALPHARUN_TOKEN }, "DIXA_API_KEY is not set"],
  ])("%s is refused naming the variable, before any request", async (_what, env, message) => {
    const { world, server } = await scenario();
    const { interactionId } = addCustomer(world, { customer_satisfaction_score: 4 });
    const cx = createCx({
      env,
      alpharun: { baseUrl: server.alpharunUrl },
      dixa: { baseUrl: server.dixaUrl },
    });

    const error = await cx.syncInteraction(interactionId).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(MissingCredentialError);
    expect((error as Error).message.startsWith(message)).toBe(true);
    expect((error as Error).message).not.toContain(ALPHARUN_TOKEN);
    expect((error as Error).message).not.toContain(DIXA_KEY);
    expect(server.requests).toEqual([]);
  });
});
