#!/usr/bin/env node
// cxkit-mock: runs Prism mocks of the vendored specs (both, or those named) for local development.
import { parseArgs } from "node:util";
import { isVendoredApi, type VendoredApi, vendoredApis } from "./spec-path.js";
import { type RunningMock, startMocks } from "./start-mock.js";

const portFlags = vendoredApis.map((api) => `[--${api}-port N]`).join(" ");

const HELP = `Usage: cxkit-mock [api ...] ${portFlags}

Starts Prism mock servers of the vendored specs on 127.0.0.1 (free ports unless given): every API,
or only those named (${vendoredApis.join(", ")}). Prints one line per API: its name and base URL.
Stop with Ctrl-C.

Exit status: 1 when a mock cannot start, 2 on a usage error.

Examples:
  cxkit-mock --${vendoredApis[0]}-port 4010
  cxkit-mock ${vendoredApis.at(-1)}`;
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
    const raw = values[`${api}-port`] as string | undefined;
    if (raw !== undefined && !apis.includes(api))
      throw new UsageError(`--${api}-port given, but ${api} is not started`);
    if (apis.includes(api)) selected.set(api, raw === undefined ? undefined : parsePort(`${api}-port`, raw));
  }
  return selected;
}

const OPTIONS: Record<string, { type: "string" } | { type: "boolean"; short: string }> = {
  ...Object.fromEntries(vendoredApis.map((api) => [`${api}-port`, { type: "string" }])),
  help: { type: "boolean", short: "h" },
};

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

// Note: a signal that comes as soon as the URLs are printed is handled; one that comes earlier ends
// the process, and each Prism with it (startMock ties them to this process).
let mocks: RunningMock[] = [];
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, async () => {
    await Promise.all(mocks.map((mock) => mock.stop()));
    process.exit(0);
  });
}
const apis = [...selected.keys()];
const ports = Object.fromEntries([...selected].filter(([, port]) => port !== undefined));
try {
  mocks = await startMocks(apis, { ports });
} catch (error) {
  console.error(`cxkit-mock: ${(error as Error).message}`);
  process.exit(1);
}
mocks.forEach((mock, i) => {
  console.log(`${apis[i]?.padEnd(9)} ${mock.url}`);
});
