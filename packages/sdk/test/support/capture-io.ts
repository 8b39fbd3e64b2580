// The streams `runCli` writes to, captured as strings, for in-process CLI tests.
import type { CliIo } from "../../src/cli/run-cli.js";

/** A `CliIo` over `env` whose stdout and stderr collect into `out`; `tty` says stderr is a terminal. */
export function captureIo(env: Record<string, string | undefined>, tty = false) {
  const out = { stdout: "", stderr: "" };
  const sink = (stream: "stdout" | "stderr") => (chunk: string | Uint8Array) => {
    out[stream] += String(chunk);
    return true;
  };
  const io: CliIo = {
    env,
    stdout: { write: sink("stdout") },
    stderr: { write: sink("stderr"), isTTY: tty, columns: 100 },
  };
  return { io, out };
}
