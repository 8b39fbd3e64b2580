// Lints a spec file with Redocly, using the repository's redocly.yaml rules.
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

const require = createRequire(import.meta.url);
const cliPackage = require.resolve("@redocly/cli/package.json");
const cliBin = join(dirname(cliPackage), require(cliPackage).bin.redocly);

/**
 * Runs `redocly lint` on one file.
 * @returns {Promise<{ ok: boolean, output: string }>} ok is false when the spec has errors
 */
export function lintSpec(file, { config }) {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [cliBin, "lint", "--config", config, "--format", "stylish", file], {
      env: {
        ...process.env,
        REDOCLY_TELEMETRY: "off",
        REDOCLY_SUPPRESS_UPDATE_NOTICE: "true",
        NO_COLOR: "1",
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    child.on("error", reject);
    child.on("close", (code) => resolvePromise({ ok: code === 0, output }));
  });
}
