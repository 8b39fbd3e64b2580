// The CLI as users run it: `bin/cxkit.js` over the compiled `dist/`. Compiles first when `dist/` is
// missing or older than `src/` (turbo's `test` task builds it already; this covers a bare `vitest run`).
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const packageRoot = fileURLToPath(new URL("../..", import.meta.url));
export const cliPath = join(packageRoot, "bin", "cxkit.js");

function newest(dir: string): number {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return latest;
}

/** Makes sure `dist/` holds the current sources. */
export function ensureBuilt(): void {
  const entry = join(packageRoot, "dist", "cli", "main.js");
  if (existsSync(entry) && statSync(entry).mtimeMs >= newest(join(packageRoot, "src"))) return;
  const tsc = join(packageRoot, "../../node_modules/typescript-7/bin/tsc"); // the build script's compiler
  execFileSync(process.execPath, [tsc, "-p", join(packageRoot, "tsconfig.build.json")], { stdio: "inherit" });
}
