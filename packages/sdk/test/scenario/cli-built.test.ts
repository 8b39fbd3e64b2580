// The built `cxkit` as a user runs it: a refused command is one short `cxkit:` line on stderr, exit 2.
import { type ChildProcess, spawn } from "node:child_process";
import { afterEach, beforeAll, expect, test } from "vitest";
import { cliPath, ensureBuilt } from "../support/built-cli.js";

beforeAll(() => ensureBuilt(), 240_000);

const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0))
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
});

/** Runs `cxkit` with only `env` (no credentials of the machine's) and collects what it printed. */
function cxkit(args: string[], env: Record<string, string> = {}) {
  const child = spawn(process.execPath, [cliPath, ...args], {
    env: { PATH: process.env.PATH ?? "", ...env },
    stdio: ["ignore", "pipe", "pipe"],
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
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((done) =>
    child.once("close", (code) => done({ code, stdout, stderr })),
  );
}

const ID = "11111111-2222-3333-4444-555555555555";

test("`cxkit sync <10,000 characters>` exits 2 with one short line quoting 80 of them and the length", async () => {
  const result = await cxkit(["sync", "a".repeat(10_000)]);

  expect(result.code).toBe(2);
  expect(result.stdout).toBe("");
  expect(result.stderr).toMatch(/^cxkit: the interaction id must be a UUID [^\n]*\n$/);
  expect(result.stderr).toContain(`got "${"a".repeat(80)}…" (10000 characters)`);
  expect(result.stderr.length).toBeLessThan(250);
});

test("`cxkit sync <id>` with neither credential set names both variables at once, in the CLI's terms", async () => {
  const result = await cxkit(["sync", ID]);

  expect(result.code).toBe(2);
  expect(result.stderr).toBe(
    "cxkit: ALPHARUN_API_TOKEN and DIXA_API_KEY are not set: set them in the environment (see cxkit --help)\n",
  );
});
