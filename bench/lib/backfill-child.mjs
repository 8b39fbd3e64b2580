// One backfill in a process of its own: `node backfill-child.mjs <baseUrl> <items> <rps|0> <concurrency> <transport>`.
// Prints { durationMs, maxRssBytes, liveHeapBytes, report } as JSON.
import { createCx } from "@cxkit/sdk";

const [base, items, rps, concurrency, transport] = process.argv.slice(2);
const fetch =
  transport === "undici" ? (await import("@cxkit/runtime/undici")).createUndiciFetch() : undefined;

/** Interaction ids 1..n, generated as they are pulled (the backfill streams them). */
function* interactionIds(n) {
  for (let i = 1; i <= n; i++) yield `00000000-0000-4000-8000-${i.toString(16).padStart(12, "0")}`;
}

const cx = createCx({
  env: {},
  alpharun: { token: "bench", baseUrl: `${base}/alpharun` },
  dixa: {
    apiKey: "bench",
    baseUrl: `${base}/dixa`,
    rateLimit: Number(rps) > 0 ? { requestsPerSecond: Number(rps) } : false,
  },
  ...(fetch ? { fetch } : {}),
});
const started = performance.now();
const report = await cx.backfill(interactionIds(Number(items)), { concurrency: Number(concurrency) });
const durationMs = performance.now() - started;
await fetch?.close();
// Note: run with --expose-gc; what survives a full collection is what the backfill really holds.
globalThis.gc?.();
const liveHeapBytes = process.memoryUsage().heapUsed;
const { failures, ...counts } = report;
process.stdout.write(
  `${JSON.stringify({
    durationMs,
    maxRssBytes: process.resourceUsage().maxRSS * 1024,
    liveHeapBytes,
    report: counts,
    failure: failures[0],
  })}\n`,
);
