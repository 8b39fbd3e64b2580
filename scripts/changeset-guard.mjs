#!/usr/bin/env node
// CI guard: every published package changed since the base ref is named in a changeset.
//   node scripts/changeset-guard.mjs [--base <ref>]
// The base is --base, else $CXKIT_BASE_REF, else origin/main when it exists; with none (a fresh
// clone with no remote) the guard says so and passes. `changeset status --since=<base>` alone fails
// only when there is no changeset at all; this guard also fails when a changed package is missing
// from the changesets that exist. An empty changeset (`pnpm changeset --empty`) waives the check.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, sep } from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { repoRoot } from "./apis.mjs";

function git(args, root) {
  const result = spawnSync("git", args, { cwd: root, encoding: "utf8" });
  return { ok: result.status === 0, out: (result.stdout ?? "").trim(), err: (result.stderr ?? "").trim() };
}

/** The base ref to compare against, or null when there is none. */
export function baseRef(explicit, root = repoRoot) {
  const asked = explicit || process.env.CXKIT_BASE_REF;
  const candidate = asked || "origin/main";
  if (git(["rev-parse", "--verify", "--quiet", `${candidate}^{commit}`], root).ok) return candidate;
  if (asked)
    throw new Error(`changeset guard: base ref ${asked} does not resolve to a commit (fetch it first)`);
  return null;
}

/** The versioned (non-private) workspace packages: name, directory relative to the root, runtime dependencies. */
export function publishedPackages(root = repoRoot) {
  const packages = [];
  for (const group of ["packages", "examples"]) {
    const dir = join(root, group);
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir)) {
      const file = join(dir, name, "package.json");
      if (!existsSync(file)) continue;
      const manifest = JSON.parse(readFileSync(file, "utf8"));
      if (!manifest.private && manifest.version) {
        const dependsOn = Object.keys({ ...manifest.dependencies, ...manifest.peerDependencies });
        packages.push({ name: manifest.name, dir: relative(root, join(dir, name)), dependsOn });
      }
    }
  }
  return packages;
}

/** Packages with a file changed between the merge base of `base` and the working tree. */
export function changedPackages(base, root = repoRoot) {
  const since = git(["merge-base", base, "HEAD"], root);
  if (!since.ok) throw new Error(`cannot find the merge base of ${base} and HEAD: ${since.err}`);
  const files = git(["diff", "--name-only", "--no-relative", since.out], root)
    .out.split("\n")
    .filter(Boolean);
  return publishedPackages(root).filter((pkg) =>
    files.some((file) => file.startsWith(`${pkg.dir.split(sep).join("/")}/`)),
  );
}

/** Runs `changeset status --since=<base>` and returns its release plan (or its error output). */
export function releasePlan(base, root = repoRoot) {
  const dir = mkdtempSync(join(tmpdir(), "cxkit-changesets-"));
  const output = join(dir, "plan.json");
  try {
    const bin = join(root, "node_modules", ".bin", "changeset");
    const result = spawnSync(bin, ["status", `--since=${base}`, `--output=${output}`], {
      cwd: root,
      encoding: "utf8",
    });
    if (!existsSync(output)) return { error: `${result.stdout ?? ""}${result.stderr ?? ""}`.trim() };
    return { plan: JSON.parse(readFileSync(output, "utf8")) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The published packages that depend on `name` at run time (their types re-export its types). */
export function dependentsOf(name, root = repoRoot) {
  return publishedPackages(root).filter((pkg) => pkg.dependsOn.includes(name));
}

/**
 * Majors a release plan lets through as patches: a package whose dependency goes major re-exports the
 * dependency's types (the facade's `cx.dixa`, a client's runtime errors), so `npm update` of a patch
 * would break its users' code. Changesets only bumps such a dependent by a patch
 * (`updateInternalDependencies`), so a changeset must name it major.
 */
export function majorProblems(plan, root = repoRoot) {
  const types = new Map(plan.releases.map((release) => [release.name, release.type]));
  const majors = plan.releases.filter((release) => release.type === "major").map((release) => release.name);
  return publishedPackages(root)
    .filter((pkg) => types.get(pkg.name) !== "major")
    .flatMap((pkg) => {
      const broken = pkg.dependsOn.filter((name) => majors.includes(name));
      if (broken.length === 0) return [];
      const which =
        broken.length === 1
          ? `${broken[0]}, whose release is`
          : `${broken.join(" and ")}, whose releases are`;
      return [
        `${pkg.name} depends on ${which} major, so its users see the break too: name ${pkg.name} major in a changeset`,
      ];
    });
}

/** The problems found, as sentences; empty when every changed package has a changeset. */
export function guardProblems(base, root = repoRoot) {
  const changed = changedPackages(base, root);
  if (changed.length === 0) return [];
  const { plan, error } = releasePlan(base, root);
  if (!plan) return [`changeset status --since=${base} failed:\n${error}`];
  if (plan.changesets.some((changeset) => changeset.releases.length === 0)) return [];
  const named = new Set(
    plan.changesets.flatMap((changeset) => changeset.releases.map((release) => release.name)),
  );
  return [
    ...changed
      .filter((pkg) => !named.has(pkg.name))
      .map((pkg) => `${pkg.name} (${pkg.dir}) changed since ${base} but no changeset names it`),
    ...majorProblems(plan, root),
  ];
}

function main(argv) {
  const { values } = parseArgs({ args: argv, options: { base: { type: "string" } } });
  const base = baseRef(values.base);
  if (!base) {
    console.log("changeset guard: skipped, no base ref (set CXKIT_BASE_REF, or fetch origin/main)");
    return;
  }
  const problems = guardProblems(base);
  if (problems.length > 0) {
    console.error(`${problems.join("\n")}\nrun: pnpm changeset (or pnpm sync-specs, which writes one)`);
    process.exitCode = 1;
  } else {
    console.log(`changeset guard: every package changed since ${base} has a changeset`);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) main(process.argv.slice(2));
