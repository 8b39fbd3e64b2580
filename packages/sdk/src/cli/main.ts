#!/usr/bin/env node
// The `cxkit` command: wires the real process into runCli.
import { EXIT, runCli } from "./run-cli.js";

const controller = new AbortController();
process.once("SIGINT", () => {
  process.stderr.write(
    "\ncxkit: interrupted, finishing the interactions in flight (Ctrl-C again to quit now)\n",
  );
  controller.abort();
  process.once("SIGINT", () => process.exit(EXIT.interrupted));
});
// Note: a service manager stops `cxkit serve` with SIGTERM; it finishes the deliveries in flight.
process.once("SIGTERM", () => controller.abort());

process.exitCode = await runCli(process.argv.slice(2), {
  env: process.env,
  stdout: process.stdout,
  stderr: process.stderr,
  signal: controller.signal,
});
