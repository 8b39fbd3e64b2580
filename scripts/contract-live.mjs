#!/usr/bin/env node
// The live contract run: every read-only (GET/HEAD) operation of one API against the real vendor, through
// a validating `prism proxy`, and a drift report that says how much of the API it saw and names each
// spec location the answers break. The cases are data in the client package (`@cxkit/<api>/live-cases`).
//   node scripts/contract-live.mjs <api> [--out <dir>]   (credentials and base URL from the environment)
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { apis, selectApis } from "./apis.mjs";
import { LiveTableError, loadLiveRun } from "./live/load-live-run.mjs";
import { startPrismProxy } from "./live/prism-proxy.mjs";
import { renderReport } from "./live/render-report.mjs";
import { runCases } from "./live/run-cases.mjs";
import { summarizeRun } from "./live/summarize-run.mjs";
import { readYaml } from "./specs/read-yaml.mjs";

/**
 * Runs the live cases of `name`; returns the report, or undefined when the credential is not set.
 * Throws `LiveTableError`, before anything is sent, when a case is not GET/HEAD or does not fit the spec.
 * `table` and `fetch` stand in for the package's table and the client's transport (tests).
 */
export async function contractLive(
  name,
  { env = process.env, out = process.cwd(), log = console.log, table, fetch } = {},
) {
  const run = await loadLiveRun(name, { table });
  const credential = env[run.table.credentialVariable];
  if (!credential) {
    log(
      `contract:live ${name}: ${run.table.credentialVariable} is not set, so nothing was run (set it, and ${run.table.baseUrlVariable} for a server other than the spec's).`,
    );
    return undefined;
  }
  const upstream =
    env[run.table.baseUrlVariable] || readYaml(await readFile(run.spec, "utf8")).servers?.[0]?.url;
  const { findResponseDrift } = await import("@cxkit/runtime/drift");

  const proxy = await startPrismProxy(run.spec, upstream);
  let cases;
  try {
    // Note: the vendor's own client, so the run keeps to its documented rate limit; no retries, so
    // each operation is asked exactly once.
    const client = run.table.createClient(credential, {
      baseUrl: proxy.url,
      retry: false,
      ...(fetch ? { fetch } : {}),
    });
    cases = await runCases({ ...run, client, findResponseDrift });
  } finally {
    await proxy.stop();
  }

  const coverage = summarizeRun(cases);
  const report = {
    api: name,
    spec: apis[name].spec,
    baseUrl: upstream,
    coverage,
    cases: cases.map(({ drifts, ...rest }) => ({ ...rest, drifts: drifts.length })),
    drifts: cases.flatMap((result) => result.drifts),
  };
  await mkdir(out, { recursive: true });
  await writeFile(join(out, "drift-report.json"), `${JSON.stringify(report, null, 2)}\n`);
  await writeFile(join(out, "drift-report.md"), renderReport(report));
  log(`contract:live ${name}: ${coverage.line}; wrote ${join(out, "drift-report.md")} and drift-report.json`);
  return report;
}

async function main(argv) {
  const outIndex = argv.indexOf("--out");
  const out = outIndex >= 0 ? resolve(argv[outIndex + 1] ?? ".") : process.cwd();
  const names = argv.filter(
    (arg, index) => !arg.startsWith("--") && (outIndex < 0 || index !== outIndex + 1),
  );
  const known = Object.keys(apis);
  if (names.length !== 1 || !known.includes(names[0])) {
    const given = names.length === 0 ? "no API" : names.join(" ");
    console.error(
      `usage: pnpm contract:live <api> [--out <dir>], <api> one of: ${known.join(", ")} (got ${given})`,
    );
    process.exitCode = 2;
    return;
  }
  const [name] = selectApis(names);
  try {
    await contractLive(name, { out });
  } catch (error) {
    if (!(error instanceof LiveTableError)) throw error;
    console.error(error.message);
    process.exitCode = 1;
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  await main(process.argv.slice(2));
}
