// A `cxkit backfill` process killed with SIGKILL mid-run, then started again with the same checkpoint.
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeAll, expect, test } from "vitest";
import type { BackfillReport, CheckpointRecord } from "../../src/index.js";
import { cliPath, ensureBuilt } from "../support/built-cli.js";
import { standardAttributes } from "../support/fixtures.js";
import {
  ALPHARUN_TOKEN,
  DIXA_KEY,
  type RecordedRequest,
  type ScriptedServer,
  startScriptedServer,
} from "../support/scripted-server.js";
import { addCustomer, attributesOf, emptyWorld } from "../support/world.js";

const ITEMS = 40;
const DONE_BEFORE_KILL = 10;

beforeAll(() => ensureBuilt(), 240_000);

let server: ScriptedServer | undefined;
let dir: string | undefined;
const children: ChildProcess[] = [];
afterEach(async () => {
  for (const child of children.splice(0))
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  await server?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

function startCli(args: string[], env: Record<string, string>) {
  const child = spawn(process.execPath, [cliPath, ...args], {
    env: { ...process.env, ...env },
    stdio: "pipe",
  });
  children.push(child);
  let stdout = "";
  let stderr = "";
  child.stdout?.on("data", (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const exited = new Promise<{
    code: number | null;
    signal: NodeJS.Signals | null;
    stdout: string;
    stderr: string;
  }>((done) => child.once("exit", (code, signal) => done({ code, signal, stdout, stderr })));
  return { child, exited };
}

async function checkpointLines(path: string): Promise<CheckpointRecord[]> {
  const text = await readFile(path, "utf8").catch(() => "");
  return text
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => JSON.parse(line) as CheckpointRecord);
}

/** Polls until `check` holds; the test's own timeout is the only limit, so load cannot fail it early. */
async function waitFor(check: () => Promise<boolean>): Promise<void> {
  while (!(await check())) await new Promise((wake) => setTimeout(wake, 20));
}

/** The environment and arguments of `cxkit backfill` against the scripted server. */
function backfillCommand(running: ScriptedServer, checkpoint: string) {
  const env = {
    ALPHARUN_API_TOKEN: ALPHARUN_TOKEN,
    DIXA_API_KEY: DIXA_KEY,
    ALPHARUN_BASE_URL: running.alpharunUrl,
    DIXA_BASE_URL: running.dixaUrl,
  };
  const args = [
    "backfill",
    "--contact",
    "alt:ext_id:contact-1",
    "--checkpoint",
    checkpoint,
    "--concurrency",
    "4",
  ];
  return { env, args: [...args, "--json", "--rate-limit", "1000"] };
}

const applied = (request: RecordedRequest) => request.method === "PATCH" && request.status === 200;

test("Ctrl-C stops taking interactions, records those in flight, and exits 130; the next run finishes", async () => {
  const world = emptyWorld();
  standardAttributes(world);
  for (let i = 0; i < ITEMS; i += 1) addCustomer(world, { customer_satisfaction_score: i });
  server = await startScriptedServer(world, { latencyMs: 25 });
  dir = await mkdtemp(join(tmpdir(), "cxkit-int-"));
  const checkpoint = join(dir, "backfill.jsonl");
  const { env, args } = backfillCommand(server, checkpoint);

  const first = startCli(args, env);
  await waitFor(async () => (await checkpointLines(checkpoint)).length >= 5);
  first.child.kill("SIGINT");
  const interrupted = await first.exited;

  expect(interrupted.code).toBe(130);
  const partial = JSON.parse(interrupted.stdout) as BackfillReport;
  expect(partial.aborted).toBe(true);
  expect(partial.total).toBeLessThan(ITEMS);
  expect(await checkpointLines(checkpoint)).toHaveLength(partial.total);
  expect(server.requests.every((request) => request.status !== undefined)).toBe(true);

  const second = await startCli(args, env).exited;

  expect(second.code).toBe(0);
  expect(JSON.parse(second.stdout)).toMatchObject({ total: ITEMS, applied: ITEMS, resumed: partial.total });
}, 240_000);

test("a backfill killed with SIGKILL and resumed from its checkpoint accounts for every item exactly once", async () => {
  const world = emptyWorld();
  standardAttributes(world);
  const customers = Array.from({ length: ITEMS }, (_, i) =>
    addCustomer(world, { customer_satisfaction_score: i, issue_resolved: i % 3 === 0 }),
  );
  server = await startScriptedServer(world);
  const running = server;
  // Note: after the 10th write-back is answered the server answers nothing more, so the first process
  // is stuck mid-run (items in flight, some PATCHed on Dixa but not written back) when it is killed.
  running.onAnswered(
    (request) => request.api === "alpharun" && applied(request),
    DONE_BEFORE_KILL,
    () => running.hold(),
  );
  dir = await mkdtemp(join(tmpdir(), "cxkit-kill-"));
  const checkpoint = join(dir, "backfill.jsonl");
  const { env, args } = backfillCommand(running, checkpoint);

  const first = startCli(args, env);
  await waitFor(async () => (await checkpointLines(checkpoint)).length >= DONE_BEFORE_KILL);
  const inFlight = running.requests.filter((request) => request.status === undefined).length;
  first.child.kill("SIGKILL");
  const killed = await first.exited;
  running.release();

  expect(killed.signal).toBe("SIGKILL");
  expect(inFlight).toBeGreaterThan(0);
  expect(await checkpointLines(checkpoint)).toHaveLength(DONE_BEFORE_KILL);

  const second = await startCli(args, env).exited;

  expect(second.code).toBe(0);
  const report = JSON.parse(second.stdout) as BackfillReport;
  expect(report).toMatchObject({ total: ITEMS, failed: 0, resumed: DONE_BEFORE_KILL });
  // An interaction the killed process wrote to Dixa but not back to Alpharun is finished now: its
  // fields were already equal (skipped, unchanged) and only its write-back was applied.
  expect(report.applied + report.skipped).toBe(ITEMS);
  expect(report.skipReasons).toEqual(report.skipped > 0 ? { unchanged: report.skipped } : {});
  const records = await checkpointLines(checkpoint);
  expect(records).toHaveLength(ITEMS);
  expect(new Set(records.map((record) => record.id)).size).toBe(ITEMS);
  expect(records.every((record) => record.status !== "failed")).toBe(true);
  // Every conversation and every interaction was written exactly once across both processes.
  for (const customer of customers) {
    const conversation = `/conversations/${customer.conversationId}/custom-attributes`;
    const interaction = `/customer-interactions/${customer.interactionId}`;
    expect(
      running.requests.filter((request) => applied(request) && request.path === conversation),
    ).toHaveLength(1);
    expect(
      running.requests.filter((request) => applied(request) && request.path === interaction),
    ).toHaveLength(1);
    expect(attributesOf(world, customer.conversationId as number)).toHaveProperty(
      "customer_satisfaction_score",
    );
  }
}, 240_000);
