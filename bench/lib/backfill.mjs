// Backfill throughput and memory: the facade's `backfill` against the fake APIs, each run in a child process.
import { execFile, fork } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

const here = (file) => fileURLToPath(new URL(file, import.meta.url));

async function startFakeApis(latencyMs) {
  const child = fork(here("./fake-apis.mjs"), [String(latencyMs)], { execArgv: [], stdio: "inherit" });
  const url = await new Promise((resolve, reject) => {
    child.once("message", (message) => resolve(message.url));
    child.once("exit", (code) => reject(new Error(`fake APIs exited (${code})`)));
  });
  const stats = () =>
    new Promise((resolve) => {
      child.once("message", (message) => resolve(message.stats));
      child.send("stats");
    });
  return { url, stats, stop: () => child.disconnect() };
}

/** Runs one backfill of `items` interactions; returns the child's figures and the Dixa request rate. */
export async function runBackfill({ items, latencyMs, requestsPerSecond, concurrency, transport = "fetch" }) {
  const apis = await startFakeApis(latencyMs);
  try {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [
        "--expose-gc",
        here("./backfill-child.mjs"),
        apis.url,
        items,
        requestsPerSecond,
        concurrency,
        transport,
      ],
      { maxBuffer: 1 << 20 },
    );
    const result = JSON.parse(stdout);
    const { count, first, last } = await apis.stats();
    const dixaRate = count > 1 ? ((count - 1) * 1000) / (last - first) : 0;
    return { ...result, dixaRequests: count, dixaRate };
  } finally {
    apis.stop();
  }
}
