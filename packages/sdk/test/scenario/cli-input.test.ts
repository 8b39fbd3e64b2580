// `cxkit` refuses every bad argument, flag and environment variable before any request: one `cxkit:`
// line on stderr, exit status 2, nothing on stdout (a JSON error with --json), no stack trace.
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { runCli } from "../../src/cli/run-cli.js";
import { captureIo } from "../support/capture-io.js";
import { scenario } from "../support/fixtures.js";
import { ALPHARUN_TOKEN, DIXA_KEY, type ScriptedServer } from "../support/scripted-server.js";
import { addCustomer } from "../support/world.js";

const ID = "11111111-2222-3333-4444-555555555555";
const CONTACT = "alt:ext_id:contact-1";

let server: ScriptedServer;
let dir: string;
beforeEach(async () => {
  ({ server } = await scenario());
  dir = await mkdtemp(join(tmpdir(), "cxkit-cli-"));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

function run(argv: string[], env: Record<string, string | undefined> = {}) {
  const { io, out } = captureIo({
    ALPHARUN_API_TOKEN: ALPHARUN_TOKEN,
    DIXA_API_KEY: DIXA_KEY,
    ALPHARUN_BASE_URL: server.alpharunUrl,
    DIXA_BASE_URL: server.dixaUrl,
    ...env,
  });
  return runCli(argv, io).then((status) => ({ status, ...out }));
}

function expectUsageError(result: { status: number; stdout: string; stderr: string }, message: string) {
  expect(result.status).toBe(2);
  expect(result.stdout).toBe("");
  expect(result.stderr).toMatch(/^cxkit: [^\n]*\n$/);
  expect(result.stderr).toContain(message);
  expect(result.stderr).not.toMatch(/\bat .*:\d+:\d+/);
  expect(server.requests).toEqual([]);
}

describe("arguments and flags", () => {
  test.each([
    [
      ["sync", "   "],
      'the interaction id must be a UUID like 11111111-2222-3333-4444-555555555555 (Alpharun\'s spec: format uuid), got "   "',
    ],
    [["sync", `${ID}\nx`], "the interaction id must be a UUID"],
    [["sync", "x".repeat(10_000)], "the interaction id must be a UUID like"],
    [["sync", "interaction-1"], 'got "interaction-1"'],
    [["sync", ID, ID], `unexpected argument "${ID}"`],
    [["sync"], "sync needs an interaction id"],
    [
      ["sync", ID, "--conversation", "0"],
      '--conversation takes a Dixa conversation id: a whole number from 1 to 9007199254740991, got "0"',
    ],
    [["sync", ID, "--conversation", "1e3"], "--conversation takes a Dixa conversation id"],
    [["sync", ID, "--conversation", "9007199254740993"], "--conversation takes a Dixa conversation id"],
    [["sync", ID, "--conversation"], "--conversation needs a value"],
    [["sync", ID, "--conversation", "1", "--conversation", "2"], "--conversation is given twice"],
    [
      ["backfill", "--contact", CONTACT, "--concurrency", "1e9"],
      '--concurrency takes a whole number from 1 to 100, got "1e9"',
    ],
    [
      ["backfill", "--contact", CONTACT, "--concurrency", "101"],
      "--concurrency takes a whole number from 1 to 100",
    ],
    [
      ["backfill", "--contact", CONTACT, "--concurrency", "-4"],
      '--concurrency takes a whole number from 1 to 100, got "-4"',
    ],
    [["backfill", "--contact", CONTACT, "--concurrency", "2.5"], "--concurrency takes a whole number"],
    [
      ["backfill", "--contact", CONTACT, "--rate-limit", "0"],
      '--rate-limit takes a number above 0, at most 1000, got "0"',
    ],
    [
      ["backfill", "--contact", CONTACT, "--rate-limit", "5000"],
      "--rate-limit takes a number above 0, at most 1000",
    ],
    [["backfill", "--contact", CONTACT, "--rate-limit", "NaN"], "--rate-limit takes a number"],
    [
      ["backfill", "--contact", CONTACT, "--checkpoint", ""],
      '--checkpoint must be a file path (one line, not empty), got ""',
    ],
    [
      ["backfill", "--contact", CONTACT, "--checkpoint", "--dry-run"],
      '--checkpoint needs a value (got the option "--dry-run"',
    ],
    [["backfill", "--contact", "ext_contact_789"], "--contact must be a contact UUID or alt:ext_id:<ext_id>"],
    [["backfill", "--contact", ""], "--contact must be a contact UUID"],
    [["backfill", "--contact", CONTACT, "extra"], 'unexpected argument "extra"'],
    [["backfill", "--contact", CONTACT, "--conversation", "5"], "--conversation does not apply to backfill"],
    [["sync", ID, "--contact", CONTACT], "--contact does not apply to sync"],
    [
      ["sync", ID, "--write-back-key", "k", "--no-write-back"],
      "--write-back-key and --no-write-back do not go together",
    ],
    [["sync", ID, "--write-back-key", ""], "--write-back-key must be an Alpharun custom field key"],
    [["sync", ID, "--map", "csat=a", "--map", "csat=b"], '--map maps "csat" twice (to "a" and "b")'],
    [["sync", ID, "--map", "a=csat", "--map", "b=csat"], '--map maps "a" and "b" both to "csat"'],
    [["sync", ID, "--map", "=csat"], "--map takes key=attribute"],
    [["sync", ID, "--map", "a=b=c"], "--map takes key=attribute"],
    [["sync", ID, "--verbose"], 'unknown option "--verbose"'],
    [["sync", ID, "-x"], 'unknown option "-x"'],
    [["sync", ID, "--dry-run=yes"], '--dry-run takes no value, got "yes"'],
    [["frobnicate"], 'unknown command "frobnicate": expected sync, backfill or serve'],
  ])("refuses %j", async (argv, message) => {
    expectUsageError(await run(argv), message);
  });

  test("with --json, prints the error as JSON on stdout too", async () => {
    const result = await run(["backfill", "--contact", CONTACT, "--concurrency", "1e9", "--json"]);

    expect(result.status).toBe(2);
    expect(JSON.parse(result.stdout)).toEqual({
      error: { name: "UsageError", message: expect.stringContaining("--concurrency takes a whole number") },
    });
    expect(result.stderr).toMatch(/^cxkit: [^\n]*\n$/);
    expect(server.requests).toEqual([]);
  });

  test("--version prints the package's version", async () => {
    const { version } = createRequire(import.meta.url)("../../package.json") as { version: string };

    const result = await run(["--version"]);

    expect(result).toEqual({ status: 0, stdout: `${version}\n`, stderr: "" });
  });
});

describe("environment", () => {
  test.each([
    [{ DIXA_BASE_URL: "dixa.example" }, 'DIXA_BASE_URL must be an absolute http(s) URL, got "dixa.example"'],
    [{ ALPHARUN_BASE_URL: "ftp://alpharun.example" }, "ALPHARUN_BASE_URL must be an absolute http(s) URL"],
    [{ DIXA_API_KEY: undefined }, "DIXA_API_KEY is not set"],
    [{ ALPHARUN_API_TOKEN: " \n" }, "ALPHARUN_API_TOKEN is not set"],
    [{ DIXA_API_KEY: "a\nb" }, "DIXA_API_KEY has characters an HTTP header cannot carry"],
  ])("refuses %j naming the variable", async (env, message) => {
    expectUsageError(await run(["sync", ID], env), message);
  });

  test("trims a credential's surrounding whitespace and says so once", async () => {
    const { interactionId } = addCustomer(server.world, { customer_satisfaction_score: 4 });

    const result = await run(["sync", interactionId, "--json"], {
      ALPHARUN_API_TOKEN: `${ALPHARUN_TOKEN}\n`,
      DIXA_API_KEY: `  ${DIXA_KEY} `,
    });

    expect(result.status).toBe(0);
    expect(result.stderr).toBe(
      "cxkit: note: ALPHARUN_API_TOKEN has surrounding whitespace; using it trimmed\n" +
        "cxkit: note: DIXA_API_KEY has surrounding whitespace; using it trimmed\n",
    );
    expect(JSON.parse(result.stdout)).toMatchObject({ status: "applied" });
  });
});

describe("long values and credentials", () => {
  const LONG = "x".repeat(10_000);
  const SHOWN = `"${"x".repeat(80)}…" (10000 characters)`;

  test.each([
    ["the interaction id", ["sync", LONG], SHOWN],
    ["an unexpected argument", ["sync", ID, LONG], SHOWN],
    ["an unknown command", [LONG], SHOWN],
    ["an unknown option", ["sync", ID, `--${LONG}`], `"--${"x".repeat(78)}…" (10002 characters)`],
    ["a switch's value", ["sync", ID, `--dry-run=${LONG}`], SHOWN],
    ["--contact", ["backfill", "--contact", LONG], SHOWN],
    ["--conversation", ["sync", ID, "--conversation", LONG], SHOWN],
    ["--write-back-key", ["sync", ID, "--write-back-key", LONG], SHOWN],
    ["--map", ["sync", ID, "--map", LONG], SHOWN],
    ["a checkpoint path", ["backfill", "--contact", CONTACT, "--checkpoint", LONG], SHOWN],
    ["a base URL", ["sync", ID], SHOWN, { DIXA_BASE_URL: LONG }],
  ] as [string, string[], string, Record<string, string>?][])(
    "quotes a 10,000-character value in %s as its first 80 characters and its length",
    async (_where, argv, shown, env = {}) => {
      const result = await run(argv, env);

      expectUsageError(result, shown);
      expect(result.stderr.length).toBeLessThan(400);
    },
  );

  test("names every missing credential variable at once, in the CLI's terms", async () => {
    const result = await run(["sync", ID], { ALPHARUN_API_TOKEN: undefined, DIXA_API_KEY: " " });

    expectUsageError(
      result,
      "ALPHARUN_API_TOKEN and DIXA_API_KEY are not set: set them in the environment (see cxkit --help)",
    );
    expect(result.stderr).not.toContain("createCx");
  });

  test("names each credential variable with its own problem", async () => {
    const result = await run(["sync", ID], { ALPHARUN_API_TOKEN: undefined, DIXA_API_KEY: "a\nb" });

    expectUsageError(
      result,
      "ALPHARUN_API_TOKEN is not set: set it in the environment; DIXA_API_KEY has characters an HTTP header cannot carry",
    );
  });

  test("never quotes a credential pasted as an argument, not even its first 80 characters", async () => {
    const token = `tok_${"s".repeat(120)}`;

    for (const argv of [
      ["sync", token],
      ["sync", `${token}-x`],
      ["sync", ID, "--conversation", token],
    ]) {
      const result = await run(argv, { ALPHARUN_API_TOKEN: token });

      expectUsageError(result, "[REDACTED]");
      expect(result.stderr).not.toContain(token.slice(0, 20));
    }
  });
});

describe("checkpoint files", () => {
  test.each([
    ["another file (a package.json)", '{\n  "name": "app"\n}\n', "line 2 is not JSON"],
    ["JSON lines of another shape", '{"name":"a"}\n{"name":"b"}\n', "line 1 is not a checkpoint record"],
    [
      "a record with an unknown status",
      '{"id":"a","status":"done","at":"x"}\n',
      "line 1 is not a checkpoint record",
    ],
  ])(
    "refuses %s, naming its path and first bad line, and leaves it as it was",
    async (_what, content, problem) => {
      const checkpoint = join(dir, "file.jsonl");
      await writeFile(checkpoint, content);

      const result = await run(["backfill", "--contact", CONTACT, "--checkpoint", checkpoint]);

      expectUsageError(result, `${JSON.stringify(checkpoint)} is not a cxkit checkpoint: ${problem}`);
      expect(await readFile(checkpoint, "utf8")).toBe(content);
    },
  );
});
