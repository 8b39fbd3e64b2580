// A throwaway copy of the repository for end-to-end tests: sources copied, node_modules linked
// (root and scripts/, all that sync-specs and changesets need), a git history to diff against.
import { execFile } from "node:child_process";
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, sep } from "node:path";
import { promisify } from "node:util";
import { repoRoot } from "../../apis.mjs";

const run = promisify(execFile);
// Note: tests and build output play no part in a sync; leaving them out keeps each copy small.
const skipped = new Set(["node_modules", ".git", ".turbo", "dist", "coverage", "test", "test-report.json"]);

export interface Result {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs a command in `cwd`; never throws on a non-zero exit. */
export async function exec(command: string, args: string[], cwd: string): Promise<Result> {
  try {
    const { stdout, stderr } = await run(command, args, { cwd, env: { ...process.env, NO_COLOR: "1" } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failure = error as { code?: number; stdout?: string; stderr?: string };
    return {
      code: typeof failure.code === "number" ? failure.code : 1,
      stdout: failure.stdout ?? "",
      stderr: failure.stderr ?? "",
    };
  }
}

/** Copies the repository (without installs, builds, git) into a new temporary directory. */
export function copyRepo(from = repoRoot): string {
  const dir = mkdtempSync(join(tmpdir(), "cxkit-e2e-"));
  cpSync(from, dir, {
    recursive: true,
    filter: (source) =>
      !relative(from, source)
        .split(sep)
        .some((part) => skipped.has(part)),
  });
  symlinkSync(join(from, "node_modules"), join(dir, "node_modules"));
  symlinkSync(join(from, "scripts", "node_modules"), join(dir, "scripts", "node_modules"));
  return dir;
}

/** A working copy of a prepared temporary repository (a shared git clone: fast, history included). */
export async function cloneTemp(from: string): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), "cxkit-e2e-"));
  await git(tmpdir(), "clone", "-q", "--shared", "--branch", "main", from, dir);
  for (const modules of ["node_modules", join("scripts", "node_modules")]) {
    if (!existsSync(join(dir, modules))) symlinkSync(join(repoRoot, modules), join(dir, modules));
  }
  return dir;
}

export async function git(cwd: string, ...args: string[]): Promise<string> {
  const result = await exec(
    "git",
    ["-c", "user.name=test", "-c", "user.email=test@example.com", ...args],
    cwd,
  );
  if (result.code !== 0) throw new Error(`git ${args.join(" ")} failed: ${result.stderr}`);
  return result.stdout;
}

/** Commits everything on branch main. */
export async function commitAll(cwd: string, message: string): Promise<void> {
  await git(cwd, "add", "-A");
  await git(cwd, "commit", "-q", "--no-verify", "-m", message);
}

/** Runs `node scripts/sync-specs.mjs ...args` inside the copy. */
export function syncSpecs(cwd: string, ...args: string[]): Promise<Result> {
  return exec(process.execPath, [join(cwd, "scripts", "sync-specs.mjs"), ...args], cwd);
}

export function remove(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

/** The fixture vendor's document, as its upstream serves it before any test changes it. */
export const fixtureUpstream = join(import.meta.dirname, "..", "fixtures", "e2e", "upstream.yaml");

/**
 * A repository copy whose alpharun API is the small e2e fixture (one upstream document, a small
 * overlay), with its spec built, its types generated, its manifest entry up to date, no pending
 * changeset and everything committed on `main`.
 */
export async function fixtureRepo(): Promise<string> {
  const dir = copyRepo();
  // Note: as just after a release: pending changesets of other work would blur the release plan.
  for (const file of readdirSync(join(dir, ".changeset"))) {
    if (file.endsWith(".md") && file !== "README.md") rmSync(join(dir, ".changeset", file));
  }
  const api = join(dir, "specs", "alpharun");
  rmSync(join(api, "upstream"), { recursive: true });
  mkdirSync(join(api, "upstream"));
  cpSync(fixtureUpstream, join(api, "upstream", "openapi.yaml"));
  cpSync(join(import.meta.dirname, "..", "fixtures", "e2e", "overlay.yaml"), join(api, "overlay.yaml"));
  rmSync(join(api, "openapi.yaml"));
  const manifestFile = join(dir, "specs", "manifest.json");
  const manifest = JSON.parse(readFileSync(manifestFile, "utf8"));
  manifest.apis.alpharun = {
    docs: ["https://docs.fixture.test/"],
    upstream: [
      {
        file: "specs/alpharun/upstream/openapi.yaml",
        url: "https://api.fixture.test/openapi.yaml",
        retrieved: "2026-12-01",
        sha256: "",
      },
    ],
  };
  writeFileSync(manifestFile, `${JSON.stringify(manifest, null, 2)}\n`);
  for (const [script, ...args] of [
    ["specs-build.mjs", "alpharun"],
    ["generate.mjs", "alpharun"],
  ] as const) {
    const result = await exec(process.execPath, [join(dir, "scripts", script), ...args], dir);
    if (result.code !== 0) throw new Error(`${script} failed: ${result.stdout}${result.stderr}`);
  }
  await git(dir, "init", "-q", "-b", "main");
  await commitAll(dir, "baseline");
  return dir;
}

/** Files changed in the working tree since the last commit (untracked included). */
export async function changedFiles(cwd: string): Promise<string[]> {
  const status = await git(cwd, "status", "--porcelain", "--untracked-files=all");
  return status
    .split("\n")
    .filter(Boolean)
    .map((line) => line.slice(3))
    .sort();
}

// biome-ignore lint/suspicious/noExplicitAny: a parsed spec is untyped JSON that tests edit freely.
export type SpecDocument = any;
