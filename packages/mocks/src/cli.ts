#!/usr/bin/env node
// cxkit-mock: runs Prism mocks of both vendored specs for local development.
import { parseArgs } from "node:util";
import { vendoredApis } from "./spec-path.js";
import { startMock } from "./start-mock.js";

const HELP = `Usage: cxkit-mock [--alpharun-port N] [--dixa-port N]

Starts Prism mock servers of the vendored Alpharun and Dixa specs on 127.0.0.1 (free ports unless
given) and prints one line per API: its name and base URL. Stop with Ctrl-C.

Example:
  cxkit-mock --dixa-port 4010
  # alpharun  http://127.0.0.1:40123
  # dixa      http://127.0.0.1:4010`;

function fail(message: string): never {
  console.error(`cxkit-mock: ${message}`);
  process.exit(1);
}

function parsePort(flag: string, raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const port = Number(raw);
  if (!(Number.isInteger(port) && port > 0 && port < 65536))
    fail(`--${flag} must be a port number, got ${raw}`);
  return port;
}

let values: Record<string, string | boolean | undefined>;
try {
  ({ values } = parseArgs({
    options: {
      "alpharun-port": { type: "string" },
      "dixa-port": { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  }));
} catch (error) {
  fail(`${(error as Error).message}\n\n${HELP}`);
}
if (values.help) {
  console.log(HELP);
  process.exit(0);
}

const ports = vendoredApis.map((api) =>
  parsePort(`${api}-port`, values[`${api}-port`] as string | undefined),
);
const started = await Promise.allSettled(
  vendoredApis.map((api, i) => {
    const port = ports[i];
    return startMock(api, port === undefined ? {} : { port });
  }),
);
const mocks = started.flatMap((result) => (result.status === "fulfilled" ? [result.value] : []));
const stopAll = () => Promise.all(mocks.map((mock) => mock.stop()));
const failures = started.flatMap((result, i) =>
  result.status === "rejected" ? [`${vendoredApis[i]}: ${(result.reason as Error).message}`] : [],
);
if (failures.length > 0) {
  await stopAll();
  fail(failures.join("\n"));
}
mocks.forEach((mock, i) => {
  console.log(`${vendoredApis[i]?.padEnd(9)} ${mock.url}`);
});
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, async () => {
    await stopAll();
    process.exit(0);
  });
}
