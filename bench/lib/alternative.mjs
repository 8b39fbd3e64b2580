// The alternative generated client: @hey-api/openapi-ts (0.95.0, its fetch client) over the same
// vendored specs, generated at bench time into .tmp/ (never committed).
import { spawnSync } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { build } from "esbuild";
import { benchDir, repoRoot, tmpDir } from "./paths.mjs";

export const ALTERNATIVE = "@hey-api/openapi-ts 0.95.0 (client-fetch)";
const heyApiBin = join(benchDir, "node_modules", ".bin", "openapi-ts");

/** Output folder of the hey-api client of `api`. */
export const heyApiDir = (api) => join(tmpDir, "hey-api", api);
/** The hey-api Alpharun client compiled to one ES module, for the per-call benchmark. */
export const heyApiModule = join(tmpDir, "hey-api-alpharun.mjs");

/** Generates the hey-api clients of both specs; returns the wall time in ms. */
export function generateAlternative() {
  rmSync(join(tmpDir, "hey-api"), { recursive: true, force: true });
  const started = performance.now();
  for (const api of ["alpharun", "dixa"]) {
    // Note: hey-api wants the input as ./specs/..., not specs/... (TOOLCHAIN.md).
    const run = spawnSync(heyApiBin, ["-i", `./specs/${api}/openapi.yaml`, "-o", heyApiDir(api)], {
      cwd: repoRoot,
      encoding: "utf8",
    });
    if (run.status !== 0) throw new Error(`hey-api generation of ${api} failed:\n${run.stdout}${run.stderr}`);
  }
  return performance.now() - started;
}

/** Compiles the generated Alpharun client (TypeScript) to one ES module the benchmark can import. */
export async function compileAlternative() {
  mkdirSync(tmpDir, { recursive: true });
  const entry = join(heyApiDir("alpharun"), "bench-entry.ts");
  writeFileSync(entry, 'export { client } from "./client.gen.js";\nexport * from "./sdk.gen.js";\n');
  await build({
    entryPoints: [entry],
    bundle: true,
    format: "esm",
    platform: "node",
    outfile: heyApiModule,
    logLevel: "error",
  });
}
