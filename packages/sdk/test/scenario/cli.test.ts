// `cxkit` run in-process (runCli) with captured streams, against a scripted Alpharun + Dixa.
import { describe, expect, test } from "vitest";
import { runCli } from "../../src/cli/run-cli.js";
import type { BackfillReport, SyncReport } from "../../src/index.js";
import { captureIo } from "../support/capture-io.js";
import { scenario, standardAttributes, writes } from "../support/fixtures.js";
import { ALPHARUN_TOKEN, DIXA_KEY, type ScriptedServer } from "../support/scripted-server.js";
import { addCustomer } from "../support/world.js";

const INTERACTION = "11111111-2222-3333-4444-555555555555";

const envFor = (server: ScriptedServer) => ({
  ALPHARUN_API_TOKEN: ALPHARUN_TOKEN,
  DIXA_API_KEY: DIXA_KEY,
  ALPHARUN_BASE_URL: server.alpharunUrl,
  DIXA_BASE_URL: server.dixaUrl,
});

describe("cxkit --help", () => {
  test("shows both commands with examples and the environment variables", async () => {
    const { io, out } = captureIo({});

    const status = await runCli(["--help"], io);

    expect(status).toBe(0);
    expect(out.stdout).toContain("cxkit sync <interactionId> [--conversation <id>] [--dry-run]");
    expect(out.stdout).toContain("cxkit backfill --contact <id> [--checkpoint <file>] [--concurrency <n>]");
    expect(out.stdout).toMatch(/Examples:\n {2}cxkit sync /);
    for (const variable of ["ALPHARUN_API_TOKEN", "DIXA_API_KEY", "ALPHARUN_BASE_URL", "DIXA_BASE_URL"]) {
      expect(out.stdout).toContain(variable);
    }
  });

  test.each([
    [["frobnicate"], 'unknown command "frobnicate"'],
    [["sync"], "sync needs an interaction id"],
    [["backfill"], "backfill needs --contact <id>"],
    [
      ["backfill", "--contact", "alt:ext_id:c", "--concurrency", "0"],
      '--concurrency takes a whole number from 1 to 100, got "0"',
    ],
    [
      ["sync", INTERACTION, "--conversation", "abc"],
      '--conversation takes a Dixa conversation id: a whole number from 1 to 9007199254740991, got "abc"',
    ],
    [["sync", INTERACTION, "--map", "nonsense"], "--map takes key=attribute"],
    [["sync", INTERACTION, "--checkpoint", "f"], "--checkpoint does not apply to sync"],
    [["sync", INTERACTION, "--verbose"], 'unknown option "--verbose"'],
  ])("rejects %j with exit status 2", async (argv, message) => {
    const { io, out } = captureIo({});

    const status = await runCli(argv, io);

    expect(status).toBe(2);
    expect(out.stderr).toContain(message);
    expect(out.stderr).toContain("cxkit --help");
  });
});

describe("cxkit sync", () => {
  test("prints a table of fields and the write-back, and exits 0", async () => {
    const { world, server } = await scenario();
    const { interactionId, conversationId } = addCustomer(world, {
      customer_satisfaction_score: 4,
      sentiment: "calm",
    });
    const { io, out } = captureIo(envFor(server));

    const status = await runCli(["sync", interactionId], io);

    expect(status).toBe(0);
    expect(out.stdout).toContain(`Interaction ${interactionId} -> Dixa conversation ${conversationId}`);
    expect(out.stdout).toMatch(/field\s+dixa attribute\s+status\s+value \/ reason/);
    expect(out.stdout).toMatch(/customer_satisfaction_score\s+customer_satisfaction_score\s+applied\s+"4"/);
    expect(out.stdout).toMatch(/sentiment\s+sentiment\s+skipped\s+unknown-attribute/);
    expect(out.stdout).toMatch(/\(write-back\)\s+alpharun:dixa_conversation_id\s+applied/);
    expect(out.stdout).toContain("Result: applied");
  });

  test("--dry-run --json prints the plan as JSON and writes nothing", async () => {
    const { world, server } = await scenario();
    const { interactionId, conversationId } = addCustomer(world, { issue_resolved: true });
    const { io, out } = captureIo(envFor(server));

    const status = await runCli(
      ["sync", interactionId, "--dry-run", "--json", "--conversation", String(conversationId)],
      io,
    );

    expect(status).toBe(0);
    const report = JSON.parse(out.stdout) as SyncReport;
    expect(report).toMatchObject({ dryRun: true, status: "planned", conversationSource: "explicit" });
    expect(report.fields[0]).toMatchObject({ key: "issue_resolved", status: "planned", dixaValue: ["yes"] });
    expect(writes(server)).toEqual([]);
  });

  test("--map sends a field to another attribute", async () => {
    const { world, server } = await scenario();
    const { interactionId } = addCustomer(world, { csat: 5 });
    const { io, out } = captureIo(envFor(server));

    await runCli(
      ["sync", interactionId, "--map", "csat=customer_satisfaction_score", "--no-write-back", "--json"],
      io,
    );

    const report = JSON.parse(out.stdout) as SyncReport;
    expect(report.fields).toEqual([
      expect.objectContaining({ key: "csat", attribute: "customer_satisfaction_score", status: "applied" }),
    ]);
    expect(report.writeBack).toBeUndefined();
  });

  test("--map to an attribute Dixa does not have exits 2, says which mapping and why, and writes nothing", async () => {
    const { world, server } = await scenario();
    const { interactionId } = addCustomer(world, { customer_satisfaction_score: 4 });
    const { io, out } = captureIo(envFor(server));

    const status = await runCli(
      ["sync", interactionId, "--map", "customer_satisfaction_score=csat_typo"],
      io,
    );

    expect(status).toBe(2);
    expect(out.stdout).toContain(
      'Failed at mapping: mapping customer_satisfaction_score=csat_typo: Dixa has no conversation custom attribute "csat_typo"',
    );
    expect(out.stdout).toContain("Result: failed");
    expect(out.stdout).not.toContain("Result: applied");
    expect(writes(server)).toEqual([]);
  });

  test("exits 1 when anything failed", async () => {
    const { world, server } = await scenario();
    const { interactionId } = addCustomer(world, { customer_satisfaction_score: 4 });
    server.script({
      api: "dixa",
      method: "PATCH",
      status: 400,
      body: { message: "Invalid value for: body" },
    });
    const { io, out } = captureIo(envFor(server));

    const status = await runCli(["sync", interactionId], io);

    expect(status).toBe(1);
    expect(out.stdout).toContain("Result: failed");
  });

  test("exits 2 naming the variable when a credential is missing, and reads none from flags", async () => {
    const { world, server } = await scenario();
    const { interactionId } = addCustomer(world, { customer_satisfaction_score: 4 });
    const { io, out } = captureIo({ ...envFor(server), DIXA_API_KEY: undefined });

    const status = await runCli(["sync", interactionId, "--json"], io);

    expect(status).toBe(2);
    expect(out.stderr).toContain("DIXA_API_KEY is not set");
    expect(JSON.parse(out.stdout)).toEqual({
      error: { name: "MissingCredentialError", message: expect.any(String) },
    });
  });
});

describe("cxkit backfill", () => {
  test("prints a summary table of outcomes and skip reasons", async () => {
    const { world, server } = await scenario((w) => {
      standardAttributes(w);
    });
    for (let i = 0; i < 3; i += 1) addCustomer(world, { customer_satisfaction_score: i });
    addCustomer(world, { customer_satisfaction_score: 1 }, { inDixa: false });
    const { io, out } = captureIo(envFor(server));

    const status = await runCli(
      ["backfill", "--contact", "alt:ext_id:contact-1", "--rate-limit", "1000"],
      io,
    );

    expect(status).toBe(0);
    expect(out.stdout).toContain("Backfill of contact alt:ext_id:contact-1: 4 interactions");
    expect(out.stdout).toMatch(/applied\s+3/);
    expect(out.stdout).toMatch(/skipped\s+1\s+end-user-not-found 1/);
    expect(out.stdout).toMatch(/failed\s+0/);
    expect(out.stderr).toBe("");
  });

  test("draws progress on a TTY's stderr and clears it before the summary", async () => {
    const { world, server } = await scenario();
    for (let i = 0; i < 3; i += 1) addCustomer(world, { customer_satisfaction_score: i });
    const { io, out } = captureIo(envFor(server), true);

    await runCli(["backfill", "--contact", "alt:ext_id:contact-1", "--rate-limit", "1000"], io);

    const clearLine = "\r\u001b[2K";
    expect(out.stderr.startsWith(clearLine)).toBe(true);
    expect(out.stderr).toMatch(/. \d+ interactions · \d+ applied · \d+ skipped · \d+ failed · \d+ in flight/);
    expect(out.stderr.endsWith(clearLine)).toBe(true);
  });

  test("--json prints the report, draws no progress, and exits 1 when an interaction failed", async () => {
    const { world, server } = await scenario();
    addCustomer(world, { customer_satisfaction_score: 1 });
    server.script({ api: "dixa", method: "PATCH", status: 400, body: { message: "no" } });
    const { io, out } = captureIo(envFor(server), true);

    const status = await runCli(["backfill", "--contact", "alt:ext_id:contact-1", "--json"], io);

    expect(status).toBe(1);
    expect(JSON.parse(out.stdout) as BackfillReport).toMatchObject({ total: 1, failed: 1 });
    expect(out.stderr).toBe("");
  });

  test("--map to an attribute Dixa does not have stops the backfill before its first write, with exit 2", async () => {
    const { world, server } = await scenario();
    for (let i = 0; i < 3; i += 1) addCustomer(world, { customer_satisfaction_score: i });
    const { io, out } = captureIo(envFor(server));

    const status = await runCli(
      ["backfill", "--contact", "alt:ext_id:contact-1", "--map", "customer_satisfaction_score=csat_typo"],
      io,
    );

    expect(status).toBe(2);
    expect(out.stderr).toContain(
      'cxkit: the field mapping does not fit Dixa, so nothing was written: mapping customer_satisfaction_score=csat_typo: Dixa has no conversation custom attribute "csat_typo"',
    );
    expect(writes(server)).toEqual([]);
  });

  test("prints what was done and exits 1 when listing the contact's interactions fails", async () => {
    const { server } = await scenario();
    const { io, out } = captureIo(envFor(server));

    const status = await runCli(["backfill", "--contact", "alt:ext_id:unknown-contact"], io);

    expect(status).toBe(1);
    expect(out.stdout).toContain("Backfill of contact alt:ext_id:unknown-contact: 0 interactions");
    expect(out.stderr).toMatch(
      /backfill stopped after 0 interactions: .*customer-interactions failed with 404/,
    );
  });
});
