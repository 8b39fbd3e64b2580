#!/usr/bin/env node
// `pnpm bench`: cxkit's cost per call, bundle size, generation and build time, type-check cost and
// backfill throughput, side by side with the alternatives in one run. Prints a table (Markdown) and
// writes bench/results.json. CXKIT_BENCH_QUICK=1 runs every row with few iterations (CI smoke).
import { execFile } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { cpus, freemem, totalmem } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { ALTERNATIVE, compileAlternative, generateAlternative } from "./lib/alternative.mjs";
import { runBackfill } from "./lib/backfill.mjs";
import { measureBuild } from "./lib/build-time.mjs";
import { measureBundles } from "./lib/bundle-size.mjs";
import { benchDir, tmpDir } from "./lib/paths.mjs";
import { collectRows, renderTable } from "./lib/rows.mjs";
import { measureTypeCheck } from "./lib/type-check.mjs";

const quick = process.env.CXKIT_BENCH_QUICK === "1";
const config = quick
  ? { calls: 50, rounds: 2, warmup: 20, webhookCalls: 50, backfillItems: 100, rssItems: [50, 200] }
  : { calls: 250, rounds: 20, warmup: 500, webhookCalls: 2000, backfillItems: 2000, rssItems: [2000, 20000] };
const started = performance.now();
const log = (message) => process.stderr.write(`[bench] ${message}\n`);
mkdirSync(tmpDir, { recursive: true });

log(`generating the alternative (${ALTERNATIVE})`);
const alternativeGenerateMs = generateAlternative();
await compileAlternative();

log(`per-call overhead: ${config.rounds} rounds of ${config.calls} calls per client and method`);
const { stdout } = await promisify(execFile)(
  process.execPath,
  [join(benchDir, "lib", "per-call.mjs"), config.calls, config.rounds, config.warmup],
  { maxBuffer: 1 << 22 },
);
const perCall = JSON.parse(stdout);

log(`webhook verification: ${config.rounds} rounds of ${config.webhookCalls} deliveries of 10 KB`);
const webhook = JSON.parse(
  (
    await promisify(execFile)(process.execPath, [
      join(benchDir, "lib", "webhook-verify.mjs"),
      config.webhookCalls,
      config.rounds,
      config.webhookCalls,
    ])
  ).stdout,
);

log("bundle sizes");
const bundles = await measureBundles();

log("generation and build");
const build = measureBuild({ quick });

log("type-check cost");
const typeCheck = await measureTypeCheck();

log(`backfill: ${config.backfillItems} interactions, 5 ms latency, Dixa limited to 500 requests/s`);
const throughput = await runBackfill({
  items: config.backfillItems,
  latencyMs: 5,
  requestsPerSecond: 500,
  concurrency: 16,
});
log(`backfill memory: ${config.rssItems.join(" vs ")} interactions`);
const memory = [];
for (const items of config.rssItems) {
  // Note: no latency and no rate limit, on the fast transport: only memory is compared here.
  memory.push(
    await runBackfill({ items, latencyMs: 0, requestsPerSecond: 0, concurrency: 16, transport: "undici" }),
  );
}

const rows = collectRows({
  quick,
  config,
  perCall,
  webhook,
  bundles,
  build,
  alternativeGenerateMs,
  typeCheck,
  throughput,
  memory,
});
const machine = {
  cpu: cpus()[0]?.model ?? "unknown",
  cores: cpus().length,
  memoryGiB: Math.round(totalmem() / 2 ** 30),
  freeMemoryGiB: Math.round(freemem() / 2 ** 30),
  platform: `${process.platform} ${process.arch}`,
  node: process.version,
};
const results = {
  date: new Date().toISOString(),
  machine,
  quick,
  config,
  alternative: ALTERNATIVE,
  durationMs: Math.round(performance.now() - started),
  rows,
};
// Note: CXKIT_BENCH_OUT lets the smoke test write elsewhere than the committed results.
const output = process.env.CXKIT_BENCH_OUT ?? join(benchDir, "results.json");
writeFileSync(output, `${JSON.stringify(results, null, 2)}\n`);
process.stdout.write(renderTable(results));
log(`done in ${(results.durationMs / 1000).toFixed(0)} s; wrote ${output}`);
