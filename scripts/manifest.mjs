#!/usr/bin/env node
// specs/manifest.json records where each vendored spec came from and its sha256.
//   node scripts/manifest.mjs --check             fail when a spec changed without its manifest entry
//   node scripts/manifest.mjs --update [api ...]  record the current hash and spec version
import { createHash } from "node:crypto";
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { parse } from "yaml";
import { apis, repoRoot, selectApis } from "./apis.mjs";

export const manifestPath = join(repoRoot, "specs", "manifest.json");

export function sha256(text) {
  return createHash("sha256").update(text).digest("hex");
}

export async function readManifest(root = repoRoot) {
  return JSON.parse(await readFile(join(root, "specs", "manifest.json"), "utf8"));
}

/** The manifest problems of the given APIs, as sentences; empty when all is in order. */
export async function manifestProblems(names, root = repoRoot) {
  const manifest = await readManifest(root);
  const problems = [];
  for (const name of names) {
    const entry = manifest.apis?.[name];
    const text = await readFile(join(root, apis[name].spec), "utf8");
    if (!entry) {
      problems.push(`${name}: no entry in specs/manifest.json`);
      continue;
    }
    for (const field of ["upstream", "retrieved", "specVersion", "sha256"]) {
      if (!entry[field]) problems.push(`${name}: manifest entry lacks "${field}"`);
    }
    if (entry.sha256 !== sha256(text)) {
      problems.push(
        `${name}: ${apis[name].spec} changed but its manifest sha256 did not (${entry.sha256?.slice(0, 12)}…)`,
      );
    }
    const version = parse(text)?.info?.version;
    if (entry.specVersion !== version) {
      problems.push(`${name}: manifest specVersion ${entry.specVersion} != spec info.version ${version}`);
    }
  }
  return problems;
}

/** Records the current hash and info.version of each API's spec (and optionally its retrieval). */
export async function updateManifest(names, { root = repoRoot, retrieved, upstream } = {}) {
  const manifest = await readManifest(root);
  for (const name of names) {
    const text = await readFile(join(root, apis[name].spec), "utf8");
    const entry = manifest.apis[name] ?? {};
    manifest.apis[name] = {
      ...entry,
      ...(upstream ? { upstream } : {}),
      ...(retrieved ? { retrieved } : {}),
      specVersion: parse(text)?.info?.version,
      sha256: sha256(text),
    };
  }
  await writeFile(join(root, "specs", "manifest.json"), `${JSON.stringify(manifest, null, 2)}\n`);
}

async function main(argv) {
  const names = selectApis(argv.filter((arg) => !arg.startsWith("--")));
  if (argv.includes("--update")) {
    await updateManifest(names);
    console.log(`updated specs/manifest.json for ${names.join(", ")}`);
    return;
  }
  const problems = await manifestProblems(names);
  if (problems.length > 0) {
    console.error(`${problems.join("\n")}\nrun: node scripts/manifest.mjs --update (or pnpm sync-specs)`);
    process.exitCode = 1;
  } else {
    console.log(`specs/manifest.json matches ${names.join(", ")}`);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  await main(process.argv.slice(2));
}
