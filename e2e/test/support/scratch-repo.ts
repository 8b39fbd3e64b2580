// A throwaway copy of the repository to release from: the files git sees in the working tree (so
// uncommitted work is tested too), a fresh git history, its own install. Releasing it consumes its
// `.changeset/*.md` files, never the real repository's. Each release runs with a temp dir of its own,
// which must be empty again when the release ends (the npmrc it writes there holds the token).
import { existsSync } from "node:fs";
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { cleanEnv, ok, type RunResult, run } from "./run.js";

export const repoRoot = fileURLToPath(new URL("../../../", import.meta.url));

export interface ScratchRepo {
  dir: string;
  /** TMPDIR of every `release`, next to `dir` */
  releaseTmp: string;
  git(...args: string[]): Promise<string>;
  commitAll(message: string): Promise<void>;
  read(file: string): Promise<string>;
  write(file: string, text: string): Promise<void>;
  /**
   * `pnpm release ...args` in the copy, with `env` on top of a clean shell environment; throws when the
   * release leaves anything in `releaseTmp`
   */
  release(args: string[], env: Record<string, string | undefined>): Promise<RunResult>;
  remove(): Promise<void>;
}

export async function scratchRepo(): Promise<ScratchRepo> {
  const base = await mkdtemp(join(tmpdir(), "cxkit-release-repo-"));
  try {
    return await prepare(base);
  } catch (error) {
    // Note: nobody holds the copy yet, so nobody else would delete it.
    await rm(base, { recursive: true, force: true });
    throw error;
  }
}

async function prepare(base: string): Promise<ScratchRepo> {
  const dir = join(base, "repo");
  const releaseTmp = join(base, "tmp");
  if (!relative(repoRoot, dir).startsWith(`..${sep}`))
    throw new Error(`${dir} must lie outside the workspace`);
  await Promise.all([mkdir(dir), mkdir(releaseTmp)]);
  const listed = ok(
    await run("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], repoRoot),
  ).stdout;
  const files = listed.split("\0").filter((file) => file && existsSync(join(repoRoot, file)));
  await Promise.all(files.map((file) => cp(join(repoRoot, file), join(dir, file), { recursive: true })));

  const git = async (...args: string[]) => ok(await run("git", args, dir)).stdout;
  await git("init", "-q", "-b", "main");
  await git("config", "user.name", "cxkit release test");
  await git("config", "user.email", "release-test@cxkit.invalid");
  const commitAll = async (message: string) => {
    await git("add", "-A");
    await git("commit", "-q", "--no-verify", "-m", message);
  };
  await commitAll("the repository as it is");
  // Note: from the pnpm store the real install filled; only what is missing there is downloaded.
  ok(await run("pnpm", ["install", "--frozen-lockfile", "--prefer-offline"], dir, cleanEnv({ CI: "true" })));

  return {
    dir,
    git,
    commitAll,
    read: (file) => readFile(join(dir, file), "utf8"),
    write: (file, text) => writeFile(join(dir, file), text),
    releaseTmp,
    release: async (args, env) => {
      const result = await run("pnpm", ["release", ...args], dir, cleanEnv({ TMPDIR: releaseTmp, ...env }));
      const left = await readdir(releaseTmp);
      if (left.length > 0)
        throw new Error(`the release left ${left.join(", ")} in its temp dir ${releaseTmp}`);
      return result;
    },
    remove: () => rm(base, { recursive: true, force: true }),
  };
}
