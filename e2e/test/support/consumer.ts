// A fresh npm project outside the workspace, set up exactly as the README's "Installing" section
// tells a consumer: its `.npmrc` and its install commands, with the placeholder host made the test
// registry's. It then holds the example consumer's service and tests (examples/consumer).
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "yaml";
import { commands, readmeBlock } from "./readme.js";
import { cleanEnv, ok, type RunResult, run } from "./run.js";
import { repoRoot } from "./scratch-repo.js";

/** The README's placeholder for the registry's host and path. */
const PLACEHOLDER = "<your-registry>";

export interface Consumer {
  dir: string;
  npm(args: string[]): Promise<RunResult>;
  /** `tsc -p .`: exit code and the `error TS` lines */
  typecheck(): Promise<{ code: number | null; errors: string[] }>;
  write(file: string, text: string): Promise<void>;
  /** the version of a package installed at `node_modules/<name>` */
  installed(name: string): Promise<string>;
  remove(): Promise<void>;
}

async function catalog(): Promise<Record<string, string>> {
  const workspace = parse(await readFile(join(repoRoot, "pnpm-workspace.yaml"), "utf8"));
  return (workspace as { catalog: Record<string, string> }).catalog;
}

/** The test tools a consumer adds: TypeScript, vitest and Node's types, at the repository's versions. */
async function tools(): Promise<string[]> {
  const versions = await catalog();
  return ["typescript", "vitest", "@types/node"].map((tool) => `${tool}@${versions[tool]}`);
}

/**
 * Resolves, through the registry, every third-party package a consumer will install (the tools and
 * our packages' catalog dependencies), so its uplink's answers are cached before the consumer needs
 * them; it downloads no tarball. Run it while the release builds: the two hardly compete.
 */
export async function warmUp(registry: string): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), "cxkit-warm-up-"));
  try {
    const versions = await catalog();
    const wanted = new Set(await tools());
    for (const name of await readdir(join(repoRoot, "packages"))) {
      const manifest = JSON.parse(await readFile(join(repoRoot, "packages", name, "package.json"), "utf8"));
      for (const [dependency, range] of Object.entries(manifest.dependencies ?? {})) {
        if (range === "catalog:") wanted.add(`${dependency}@${versions[dependency]}`);
      }
    }
    await writeFile(join(dir, "package.json"), '{ "name": "warm-up", "private": true }\n');
    const env = cleanEnv({ npm_config_registry: registry });
    ok(await run("npm", ["install", "--package-lock-only", "--ignore-scripts", ...wanted], dir, env));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export async function consumerProject(registry: string, token: string): Promise<Consumer> {
  const dir = await mkdtemp(join(tmpdir(), "cxkit-consumer-"));
  // Note: NPM_TOKEN is what the README's .npmrc reads; the lockfile keeps each package's source URL.
  const env = cleanEnv({ NPM_TOKEN: token, npm_config_omit_lockfile_registry_resolved: "false" });
  const npm = (args: string[]) => run("npm", args, dir, env);
  const npmrc = await readmeBlock("Installing", "ini");
  const installs = commands(await readmeBlock("Installing", "sh"), "npm install").map((line) =>
    line.split(" ").slice(1),
  );
  if (installs.length === 0) throw new Error('README.md\'s "## Installing" shows no npm install command');
  const url = new URL(registry);
  await writeFile(
    join(dir, ".npmrc"),
    npmrc.replaceAll(`https://${PLACEHOLDER}/`, url.href).replaceAll(PLACEHOLDER, url.host),
  );
  await writeFile(
    join(dir, "package.json"),
    `${JSON.stringify({ name: "interview-sync-service", private: true, type: "module" }, null, 2)}\n`,
  );
  for (const args of installs) ok(await npm(args));
  ok(await npm(["install", "--save-dev", ...(await tools())]));

  for (const part of ["src", "test"]) {
    await cp(join(repoRoot, "examples", "consumer", part), join(dir, part), { recursive: true });
  }
  await cp(join(repoRoot, "e2e", "fixtures", "consumer", "tsconfig.json"), join(dir, "tsconfig.json"));
  await writeFile(
    join(dir, "vitest.config.ts"),
    'import { defineConfig } from "vitest/config";\n\nexport default defineConfig({ test: { testTimeout: 120_000, hookTimeout: 120_000 } });\n',
  );

  return {
    dir,
    npm,
    typecheck: async () => {
      const tsc = await run(process.execPath, ["node_modules/typescript/bin/tsc", "-p", "."], dir, env);
      return { code: tsc.code, errors: tsc.stdout.split("\n").filter((line) => line.includes("error TS")) };
    },
    write: (file, text) => writeFile(join(dir, file), text),
    installed: async (name) =>
      (
        JSON.parse(await readFile(join(dir, "node_modules", name, "package.json"), "utf8")) as {
          version: string;
        }
      ).version,
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}
