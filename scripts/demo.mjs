#!/usr/bin/env node
// `pnpm demo`: starts Prism mocks of the vendored Alpharun and Dixa specs on 127.0.0.1, then runs
// the cxkit CLI against them, a dry run first and then a real sync, printing both reports.
// Needs no credentials: the mocks accept any token. Their answers are the specs' examples.
// Note: it lives outside packages/, so no published package imports @cxkit/mocks.
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { startMock } from "@cxkit/mocks";

const cli = fileURLToPath(new URL("../packages/sdk/bin/cxkit.js", import.meta.url));
// The interaction id of the spec's `customer_interaction.updated` webhook example.
const interactionId = "11111111-2222-3333-4444-555555555555";

const mocks = [];
let status = 0;
try {
  process.stdout.write("Starting Prism mocks of the Alpharun and Dixa specs on 127.0.0.1 ...\n");
  const [alpharun, dixa] = await Promise.all([startMock("alpharun"), startMock("dixa")]);
  mocks.push(alpharun, dixa);
  process.stdout.write(`  alpharun  ${alpharun.url}\n  dixa      ${dixa.url}\n`);
  const env = {
    ...process.env,
    ALPHARUN_API_TOKEN: "demo",
    DIXA_API_KEY: "demo",
    ALPHARUN_BASE_URL: alpharun.url,
    DIXA_BASE_URL: dixa.url,
  };
  for (const args of [
    ["sync", interactionId, "--dry-run"],
    ["sync", interactionId],
  ]) {
    process.stdout.write(`\n$ cxkit ${args.join(" ")}\n\n`);
    const code = await run(process.execPath, [cli, ...args], env);
    if (code !== 0) status = code;
  }
  process.stdout.write(
    "\nThe mocks answer with the specs' examples. Against the real APIs, set ALPHARUN_API_TOKEN and\n" +
      "DIXA_API_KEY and run the same commands; see `cxkit --help` and packages/sdk/README.md.\n",
  );
} catch (error) {
  process.stderr.write(`demo failed: ${error instanceof Error ? error.message : error}\n`);
  status = 1;
} finally {
  await Promise.all(mocks.map((mock) => mock.stop()));
}
process.exitCode = status;

function run(command, args, env) {
  return new Promise((done, fail) => {
    const child = spawn(command, args, { env, stdio: "inherit" });
    child.once("error", fail);
    child.once("exit", (code, signal) => done(code ?? (signal ? 1 : 0)));
  });
}
