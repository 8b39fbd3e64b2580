// The states `pnpm release` refuses before it versions, builds or publishes anything: one sentence each.
import { spawnSync } from "node:child_process";
import { runStep } from "./run-step.mjs";

/** Why the release stopped (a state it refuses, or a step that failed): the one line the user reads. */
export class ReleaseError extends Error {
  name = "ReleaseError";
}

/** A value a user gave, quoted and cut short enough for a one-line message. */
export function quote(value) {
  const text = String(value);
  return JSON.stringify(text.length > 60 ? `${text.slice(0, 57)}...` : text);
}

/** The registry to publish to and its token, from `CXKIT_REGISTRY` and `CXKIT_REGISTRY_TOKEN`. */
export function registryFromEnv(env) {
  const url = env.CXKIT_REGISTRY?.trim();
  if (!url) throw new ReleaseError("CXKIT_REGISTRY is not set: it names the registry to publish to");
  let parsed;
  try {
    parsed = new URL(url.endsWith("/") ? url : `${url}/`);
  } catch {
    throw new ReleaseError(`CXKIT_REGISTRY must be an http(s) URL, got ${quote(url)}`);
  }
  if (!/^https?:$/.test(parsed.protocol) || parsed.username || parsed.password || parsed.search) {
    throw new ReleaseError(
      `CXKIT_REGISTRY must be an http(s) URL without credentials or query, got ${quote(`${parsed.protocol}//${parsed.host}`)}`,
    );
  }
  const token = env.CXKIT_REGISTRY_TOKEN?.trim();
  if (!token) {
    throw new ReleaseError(
      `CXKIT_REGISTRY_TOKEN is not set: it holds the token that publishes to ${parsed.host}`,
    );
  }
  return { url: parsed.href, token };
}

/** A preview's dist-tag: a name npm accepts as a tag (not a semver range) and never `latest`. */
export function checkPreviewName(name) {
  if (name === "latest") throw new ReleaseError("--preview never publishes to latest: pick another name");
  if (!/^[a-z][a-z0-9-]{0,39}$/.test(name) || /^(v\d|x($|-))/.test(name)) {
    throw new ReleaseError(
      `--preview takes a dist-tag name: a lowercase letter, then up to 39 letters, digits or "-" (not a version range), got ${quote(name)}`,
    );
  }
}

/** Refuses a working tree with any change git would see, untracked files included. */
export function checkCleanTree(root) {
  const result = spawnSync("git", ["status", "--porcelain", "--untracked-files=all"], {
    cwd: root,
    encoding: "utf8",
  });
  if (result.status !== 0) {
    throw new ReleaseError(
      `cannot read the state of the working tree: ${result.stderr.trim().split("\n")[0]}`,
    );
  }
  const changed = result.stdout.split("\n").filter(Boolean);
  if (changed.length > 0) {
    const first = changed[0]?.slice(3);
    throw new ReleaseError(
      `the working tree has uncommitted changes (${changed.length} ${changed.length === 1 ? "file" : "files"}, first ${quote(first)}): commit or stash them first`,
    );
  }
}

const SHIPPED_DEPENDENCIES = ["dependencies", "peerDependencies", "optionalDependencies"];

/**
 * Refuses a published package whose `workspace:` range would reach its consumers pointing at nothing:
 * pnpm rewrites the range to the target's version, which no registry has when the target is private
 * or not in the workspace. `packages` are the workspace's, each `{ name, private, manifest }`.
 */
export function checkWorkspaceRanges(packages) {
  const byName = new Map(packages.map((pkg) => [pkg.name, pkg]));
  for (const pkg of packages.filter((candidate) => !candidate.private)) {
    for (const field of SHIPPED_DEPENDENCIES) {
      for (const [dependency, range] of Object.entries(pkg.manifest[field] ?? {})) {
        if (typeof range !== "string" || !range.startsWith("workspace:")) continue;
        // Note: `workspace:other-name@^1` is an alias; the package it names is what gets published.
        const alias = /^workspace:(@?[^@]+)@/.exec(range)?.[1];
        const target = byName.get(alias ?? dependency);
        const where = `${pkg.name} has ${field} ${quote(`${dependency}: ${range}`)}`;
        if (!target) {
          throw new ReleaseError(
            `${where}, but no workspace package has that name: its published range would leak`,
          );
        }
        if (target.private) {
          throw new ReleaseError(
            `${where}, but ${target.name} is private: the published range would point at a version no registry has`,
          );
        }
      }
    }
  }
}

/**
 * Refuses a spec that its upstream documents and overlay no longer build (`node scripts/specs-build.mjs
 * --check`), then generated code that its specs no longer produce (`node scripts/generate.mjs --check`).
 * Both checks run at once (each takes about a second of CPU); a stale spec is named first, as the cause.
 */
export async function checkGenerated(root) {
  const stale = async (script) =>
    (await runStep(process.execPath, [script, "--check"], { cwd: root, quiet: true })).code !== 0;
  const [spec, generated] = await Promise.all([
    stale("scripts/specs-build.mjs"),
    stale("scripts/generate.mjs"),
  ]);
  if (spec) {
    throw new ReleaseError(
      "a spec is out of date with its upstream documents and overlay (run: pnpm specs:build, then pnpm generate, then commit)",
    );
  }
  if (generated) {
    throw new ReleaseError("generated code is out of date with the specs (run: pnpm generate, then commit)");
  }
}
