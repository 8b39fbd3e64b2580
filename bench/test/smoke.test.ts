// CI smoke: `pnpm bench` with few iterations runs end to end and prints every row with a number.
// It asserts no timing: the numbers of a quick run on a busy CI machine mean nothing. turbo runs it
// after the tests of the packages it measures (bench/turbo.json), so it does not compete with them.
import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { mkdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { afterEach, expect, test } from "vitest";

const benchDir = fileURLToPath(new URL("..", import.meta.url));
const output = fileURLToPath(new URL("../.tmp/smoke-results.json", import.meta.url));

interface Row {
  id: string;
  value: number;
  display: string;
  target?: { op: "<=" | ">="; value: number };
  met?: boolean;
}

const EXPECTED_ROWS = [
  ...["get", "patch"].flatMap((method) =>
    [
      "fetch",
      "fetch+signal",
      "fetch+timeout",
      "openapi-fetch",
      "openapi-fetch+middleware",
      "runtime-fetch-no-timeout",
      "runtime-fetch",
      "cxkit-fetch",
      "cxkit-fetch-no-timeout",
      "cxkit-fetch-report",
      "cxkit-undici",
      "hey-api",
      "undici.request",
      "report-vs-off",
      "default-vs-openapi-fetch",
      "default-vs-no-timeout",
    ].map((client) => `${method}.${client}`),
  ),
  "webhook.hmac",
  "webhook.verify-node",
  "webhook.verify-web",
  "bundle.@cxkit/alpharun",
  "bundle.@cxkit/sdk",
  "bundle.hey-api",
  "bundle.openapi-fetch",
  "bundle.@cxkit/dixa",
  "bundle.@cxkit/dixa/webhooks",
  "bundle.@cxkit/sdk/receive",
  "build.generate",
  "build.generate-alternative",
  "build.cold",
  "build.noop",
  "typecheck.cxkit",
  "typecheck.alternative",
  "backfill.rate",
  "backfill.rss-small",
  "backfill.rss-large",
  "backfill.live-heap-growth",
  "backfill.rss-growth",
];

let run: ChildProcess | undefined;
// Note: the bench runs in a process group of its own, so the whole tree (its servers, tsc, backfill
// children) is stopped when the test ends, passed, failed or timed out.
afterEach(() => {
  if (run?.pid !== undefined && run.exitCode === null && run.signalCode === null) {
    try {
      process.kill(-run.pid, "SIGKILL");
    } catch {
      // already gone
    }
  }
});

test("a quick bench run prints and records every row with a number and its target", async () => {
  mkdirSync(fileURLToPath(new URL("../.tmp", import.meta.url)), { recursive: true });
  run = spawn(process.execPath, ["run.mjs"], {
    cwd: benchDir,
    env: { ...process.env, CXKIT_BENCH_QUICK: "1", CXKIT_BENCH_OUT: output },
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  run.stdout?.on("data", (chunk: Buffer) => {
    stdout += chunk;
  });
  run.stderr?.on("data", (chunk: Buffer) => {
    stderr += chunk;
  });
  const [code] = await once(run, "exit");
  expect(code, stderr).toBe(0);
  const results = JSON.parse(readFileSync(output, "utf8")) as {
    quick: boolean;
    machine: { node: string; cores: number };
    date: string;
    rows: Row[];
  };
  expect(results.quick).toBe(true);
  expect(results.machine.node).toBe(process.version);
  expect(Number.isNaN(Date.parse(results.date))).toBe(false);
  expect(results.rows.map((row) => row.id)).toEqual(EXPECTED_ROWS);
  for (const row of results.rows) {
    expect(Number.isFinite(row.value), row.id).toBe(true);
    expect(row.value, row.id).toBeGreaterThan(0);
    if (row.target) expect(typeof row.met, row.id).toBe("boolean");
    // Every row is in the printed table too.
    expect(stdout).toContain(row.display);
  }
  expect(results.rows.filter((row) => row.target)).toHaveLength(15);
  // Note: a quick run takes about 30 s on a busy 2-core machine; the timeout leaves room for a worse one.
}, 300_000);
