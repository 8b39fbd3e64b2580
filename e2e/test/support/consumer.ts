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
  /** runs the README's "Installing" commands (after the tools and the example's files are in place) */
  installFromReadme(): Promise<void>;
  npm(args: string[]): Promise<RunResult>;
  /** `tsc` over the whole project, as the strict consumer it is; or over `files` only, libraries unchecked */
  typecheck(files?: string[]): Promise<{ code: number | null; errors: string[] }>;
  write(file: string, text: string): Promise<void>;
  /** the version of a package installed at `node_modules/<name>` */
  installed(name: string): Promise<string>;
  remove(): Promise<void>;
}

/** The pinned versions of pnpm-workspace.yaml's `catalog:`. */
export async function catalog(): Promise<Record<string, string>> {
  const workspace = parse(await readFile(join(repoRoot, "pnpm-workspace.yaml"), "utf8"));
  return (workspace as { catalog: Record<string, string> }).catalog;
}

/** The test tools a consumer adds: TypeScript, vitest and Node's types, at the repository's versions. */
async function tools(): Promise<string[]> {
  const versions = await catalog();
  return ["typescript", "vitest", "@types/node"].map((tool) => `${tool}@${versions[tool]}`);
}

/**
 * The consumer before it installs anything of ours: its `.npmrc` (the README's), its test tools and
 * the example consumer's files. It also resolves, through the registry, the third-party packages our
 * packages depend on (no download), so the registry has cached its uplink's answers by the time the
 * README's commands need them. Made while the first release builds: the two hardly compete.
 */
export async function consumerProject(registry: string, token: string): Promise<Consumer> {
  const dir = await mkdtemp(join(tmpdir(), "cxkit-consumer-"));
  try {
    return await prepare(dir, registry, token);
  } catch (error) {
    // Note: nobody holds the project yet, so nobody else would delete it.
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
}

async function prepare(dir: string, registry: string, token: string): Promise<Consumer> {
  // Note: NPM_TOKEN is what the README's .npmrc reads; the lockfile keeps each package's source URL.
  const env = cleanEnv({ NPM_TOKEN: token, npm_config_omit_lockfile_registry_resolved: "false" });
  const npm = (args: string[]) => run("npm", args, dir, env);
  const url = new URL(registry);
  const npmrc = await readmeBlock("Installing", "ini");
  await writeFile(
    join(dir, ".npmrc"),
    npmrc.replaceAll(`https://${PLACEHOLDER}/`, url.href).replaceAll(PLACEHOLDER, url.host),
  );
  await writeFile(
    join(dir, "package.json"),
    `${JSON.stringify({ name: "interview-sync-service", private: true, type: "module" }, null, 2)}\n`,
  );
  ok(await npm(["install", "--save-dev", ...(await tools())]));
  await warmUp(registry, env);
  for (const part of ["src", "test"]) {
    await cp(join(repoRoot, "examples", "consumer", part), join(dir, part), { recursive: true });
  }
  await cp(join(repoRoot, "e2e", "fixtures", "consumer", "tsconfig.json"), join(dir, "tsconfig.json"));
  await writeFile(
    join(dir, "vitest.config.ts"),
    'import { defineConfig } from "vitest/config";\n\nexport default defineConfig({ test: { testTimeout: 120_000, hookTimeout: 120_000 } });\n',
  );

  const tsc = async (project: string) => {
    const result = await run(process.execPath, ["node_modules/typescript/bin/tsc", "-p", project], dir, env);
    return {
      code: result.code,
      errors: result.stdout.split("\n").filter((line) => line.includes("error TS")),
    };
  };
  return {
    dir,
    npm,
    installFromReadme: async () => {
      const installs = commands(await readmeBlock("Installing", "sh"), "npm install");
      if (installs.length === 0) throw new Error('README.md\'s "## Installing" shows no npm install command');
      for (const line of installs) ok(await npm(line.split(" ").slice(1)));
    },
    typecheck: async (files) => {
      if (!files) return tsc(".");
      const config = { extends: "./tsconfig.json", compilerOptions: { skipLibCheck: true }, include: files };
      await writeFile(join(dir, "tsconfig.probe.json"), JSON.stringify(config));
      return tsc("tsconfig.probe.json");
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

/** Resolves our packages' third-party dependencies through the registry in a throwaway project. */
async function warmUp(registry: string, env: NodeJS.ProcessEnv): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), "cxkit-warm-up-"));
  try {
    const versions = await catalog();
    const wanted = new Set<string>();
    for (const name of await readdir(join(repoRoot, "packages"))) {
      const manifest = JSON.parse(await readFile(join(repoRoot, "packages", name, "package.json"), "utf8"));
      for (const [dependency, range] of Object.entries(manifest.dependencies ?? {})) {
        if (range === "catalog:") wanted.add(`${dependency}@${versions[dependency]}`);
      }
    }
    await writeFile(join(dir, "package.json"), '{ "name": "warm-up", "private": true }\n');
    const args = ["install", "--package-lock-only", "--ignore-scripts", `--registry=${registry}`, ...wanted];
    ok(await run("npm", args, dir, env));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
