#!/usr/bin/env node
// cxkit-mock: runs Prism mocks of both vendored specs for local development.
import { parseArgs } from "node:util";
import { vendoredApis } from "./spec-path.js";
import { startMock } from "./start-mock.js";

const HELP = `Usage: cxkit-mock [--alpharun-port N] [--dixa-port N]

Starts Prism mock servers of the vendored Alpharun and Dixa specs on 127.0.0.1 and prints their
URLs. Stop with Ctrl-C.

Example:
  cxkit-mock --dixa-port 4010
  ALPHARUN_BASE_URL=http://127.0.0.1:<port> node my-service.js`;

const { values } = parseArgs({
  options: {
    "alpharun-port": { type: "string" },
    "dixa-port": { type: "string" },
    help: { type: "boolean", short: "h" },
  },
});
if (values.help) {
  console.log(HELP);
  process.exit(0);
}
const mocks = await Promise.all(
  vendoredApis.map(async (api) => {
    const raw = values[`${api}-port`];
    const port = raw === undefined ? undefined : Number(raw);
    if (port !== undefined && !(Number.isInteger(port) && port > 0 && port < 65536)) {
      throw new Error(`--${api}-port must be a port number, got ${raw}`);
    }
    return { api, mock: await startMock(api, port === undefined ? {} : { port }) };
  }),
);
for (const { api, mock } of mocks) console.log(`${api.padEnd(9)} ${mock.url}`);
const stopAll = async () => {
  await Promise.all(mocks.map(({ mock }) => mock.stop()));
  process.exit(0);
};
process.once("SIGINT", stopAll);
process.once("SIGTERM", stopAll);
