// Runs one step of the release as a child process. Its output goes through line by line (a CI log
// and changesets/action, which reads `New tag:` lines, see it as it comes), with the token blanked.
import { spawn } from "node:child_process";

/**
 * Runs `command args` in `cwd`; resolves `{ code, output }` and never rejects on a non-zero exit.
 * Every occurrence of `secret` in its output is replaced by `***`; `quiet` keeps the output to itself.
 */
export function runStep(command, args, { cwd, env = process.env, secret, quiet = false }) {
  return new Promise((done, fail) => {
    const child = spawn(command, args, { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    const forward = (target) => {
      let pending = "";
      const emit = (text) => {
        const clean = secret ? text.replaceAll(secret, "***") : text;
        output += clean;
        if (!quiet) target.write(clean);
      };
      return {
        // Note: line by line, so a token split across two chunks is still blanked.
        data: (chunk) => {
          pending += chunk;
          const end = pending.lastIndexOf("\n");
          if (end === -1) return;
          emit(pending.slice(0, end + 1));
          pending = pending.slice(end + 1);
        },
        end: () => {
          if (pending) emit(pending);
          pending = "";
        },
      };
    };
    const out = forward(process.stdout);
    const err = forward(process.stderr);
    child.stdout.setEncoding("utf8").on("data", out.data);
    child.stderr.setEncoding("utf8").on("data", err.data);
    child.once("error", fail);
    child.once("close", (code, signal) => {
      out.end();
      err.end();
      done({ code: code ?? (signal ? 1 : 0), output });
    });
  });
}
