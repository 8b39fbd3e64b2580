// Generation and build times of the workspace, wall clock, as a developer runs them.
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { repoRoot } from "./paths.mjs";
import { median } from "./stats.mjs";

const env = { ...process.env, TURBO_TELEMETRY_DISABLED: "1", TURBO_NO_UPDATE_NOTIFIER: "1" };
const turbo = join(repoRoot, "node_modules", ".bin", "turbo");

function timed(command, args, { staleIsFine = false } = {}) {
  const started = performance.now();
  const run = spawnSync(command, args, { cwd: repoRoot, env, encoding: "utf8" });
  const ms = performance.now() - started;
  // Note: `--check` exits 1 on stale output, after doing the whole generation all the same.
  if (run.status !== 0 && !(staleIsFine && run.status === 1))
    throw new Error(`${command} ${args.join(" ")} failed:\n${run.stdout}${run.stderr}`);
  return ms;
}

/**
 * `pnpm generate --force` (both specs, no turbo cache), a cold `turbo run build --force` and a no-op
 * `turbo run build` (median of 3). Quick mode touches nothing in the tree: generation runs as
 * `generate.mjs --check` (the same work, nothing written) and the builds run this package's task only
 * (`--only`), so a smoke run beside other tests never rebuilds the `dist/` they import.
 */
export function measureBuild({ quick }) {
  const generateMs = quick
    ? timed(process.execPath, [join(repoRoot, "scripts", "generate.mjs"), "--check"], { staleIsFine: true })
    : timed("pnpm", ["generate", "--force", "--output-logs=errors-only"]);
  const scope = quick ? ["--filter=@cxkit/bench", "--only"] : [];
  const coldBuildMs = timed(turbo, ["run", "build", "--force", "--output-logs=errors-only", ...scope]);
  const noopBuildMs = median(
    [0, 1, 2].map(() => timed(turbo, ["run", "build", "--output-logs=errors-only", ...scope])),
  );
  return { generateMs, coldBuildMs, noopBuildMs };
}
