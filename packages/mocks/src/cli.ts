#!/usr/bin/env node
// cxkit-mock: runs Prism mocks of the vendored specs (both, or those named) for local development.
import { parseArgs } from "node:util";
import { isVendoredApi, type VendoredApi, vendoredApis } from "./spec-path.js";
import { type RunningMock, startMock } from "./start-mock.js";

const HELP = `Usage: cxkit-mock [api ...] [--alpharun-port N] [--dixa-port N]

Starts Prism mock servers of the vendored specs on 127.0.0.1 (free ports unless given): both APIs,
or only those named (${vendoredApis.join(", ")}). Prints one line per API: its name and base URL.
Stop with Ctrl-C.

Exit status: 1 when a mock cannot start, 2 on a usage error.

Examples:
  cxkit-mock --dixa-port 4010
  # alpharun  http://127.0.0.1:40123
  # dixa      http://127.0.0.1:4010
  cxkit-mock dixa`;

/** A command line that cannot be run: exit status 2, as `cxkit` does. */
class UsageError extends Error {}

function parsePort(flag: string, raw: string): number {
  const port = Number(raw);
  if (!(Number.isInteger(port) && port > 0 && port < 65536))
    throw new UsageError(`--${flag} must be a port number, got ${raw}`);
  return port;
}

/** The APIs to start, each with the port asked for; undefined for `--help`. */
function parse(argv: string[]): Map<VendoredApi, number | undefined> | undefined {
  let parsed: ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>;
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) return undefined;
  const unknown = positionals.find((name) => !isVendoredApi(name));
  if (unknown !== undefined)
    throw new UsageError(`unknown API ${unknown}: expected ${vendoredApis.join(" or ")}`);
  const apis = positionals.length > 0 ? (positionals as VendoredApi[]) : vendoredApis;
  const selected = new Map<VendoredApi, number | undefined>();
  for (const api of vendoredApis) {
    const raw = values[`${api}-port`];
    if (raw !== undefined && !apis.includes(api))
      throw new UsageError(`--${api}-port given, but ${api} is not started`);
    if (apis.includes(api)) selected.set(api, raw === undefined ? undefined : parsePort(`${api}-port`, raw));
  }
  return selected;
}

const OPTIONS = {
  "alpharun-port": { type: "string" },
  "dixa-port": { type: "string" },
  help: { type: "boolean", short: "h" },
} as const;

let selected: Map<VendoredApi, number | undefined> | undefined;
try {
  selected = parse(process.argv.slice(2));
} catch (error) {
  if (!(error instanceof UsageError)) throw error;
  console.error(`cxkit-mock: ${error.message}\nRun cxkit-mock --help for usage.`);
  process.exit(2);
}
if (selected === undefined) {
  console.log(HELP);
  process.exit(0);
}

const apis = [...selected.keys()];
const mocks: RunningMock[] = [];
const stopAll = () => Promise.all(mocks.map((mock) => mock.stop()));
// Note: before anything starts, so a signal that comes as soon as the URLs are printed is handled.
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, async () => {
    await stopAll();
    process.exit(0);
  });
}
const started = await Promise.allSettled(
  [...selected].map(async ([api, port]) => {
    const mock = await startMock(api, port === undefined ? {} : { port });
    mocks.push(mock);
    return mock;
  }),
);
const failures = started.flatMap((result, i) =>
  result.status === "rejected" ? [`${apis[i]}: ${(result.reason as Error).message}`] : [],
);
if (failures.length > 0) {
  await stopAll();
  console.error(`cxkit-mock: ${failures.join("\n")}`);
  process.exit(1);
}
started.forEach((result, i) => {
  if (result.status === "fulfilled") console.log(`${apis[i]?.padEnd(9)} ${result.value.url}`);
});
