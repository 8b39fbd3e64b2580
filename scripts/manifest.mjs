#!/usr/bin/env node
// specs/manifest.json records, per API, the vendor's documents the spec is built from (`upstream`:
// file, URL, retrieval date, sha256) and the built spec's version and sha256.
//   node scripts/manifest.mjs --check             fail when a spec or an upstream document changed
//                                                 without its manifest entry
//   node scripts/manifest.mjs --update [api ...]  record the current hashes and spec version
import { createHash } from "node:crypto";
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { apis, repoRoot, selectApis } from "./apis.mjs";
import { readYaml } from "./specs/read-yaml.mjs";

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
    for (const field of ["upstream", "specVersion", "sha256"]) {
      if (!entry[field]) problems.push(`${name}: manifest entry lacks "${field}"`);
    }
    if (!Array.isArray(entry.upstream) || entry.upstream.length === 0) {
      problems.push(
        `${name}: manifest "upstream" must list the vendor's documents ({ file, url, retrieved, sha256 })`,
      );
    } else {
      for (const [index, document] of entry.upstream.entries()) {
        const at = `${name}: upstream[${index}]`;
        for (const field of ["file", "url", "retrieved", "sha256"]) {
          if (!document?.[field]) problems.push(`${at} lacks "${field}"`);
        }
        if (!document?.file) continue;
        const upstream = await readFile(join(root, document.file), "utf8").catch(() => undefined);
        if (upstream === undefined) problems.push(`${at}: ${document.file} does not exist`);
        else if (document.sha256 !== sha256(upstream)) {
          problems.push(
            `${at}: ${document.file} changed but its manifest sha256 did not (${document.sha256?.slice(0, 12)}…)`,
          );
        }
      }
    }
    if (entry.sha256 !== sha256(text)) {
      problems.push(
        `${name}: ${apis[name].spec} changed but its manifest sha256 did not (${entry.sha256?.slice(0, 12)}…)`,
      );
    }
    const version = readYaml(text)?.info?.version;
    if (entry.specVersion !== version) {
      problems.push(`${name}: manifest specVersion ${entry.specVersion} != spec info.version ${version}`);
    }
  }
  return problems;
}

/**
 * Records the current hash and info.version of each API's spec and the hash of each upstream
 * document; `upstream` (per API: new fields by file, such as `retrieved` or `etag`) is merged in.
 */
export async function updateManifest(names, { root = repoRoot, upstream = {} } = {}) {
  const manifest = await readManifest(root);
  for (const name of names) {
    const text = await readFile(join(root, apis[name].spec), "utf8");
    const entry = manifest.apis[name] ?? {};
    const documents = await Promise.all(
      (entry.upstream ?? []).map(async (document) => {
        const { file } = document;
        const current = await readFile(join(root, file), "utf8").catch(() => undefined);
        const merged = { ...document, ...(upstream[name]?.[file] ?? {}) };
        for (const [key, value] of Object.entries(merged)) if (value === undefined) delete merged[key];
        return current === undefined ? merged : { ...merged, sha256: sha256(current) };
      }),
    );
    manifest.apis[name] = {
      ...entry,
      upstream: documents,
      specVersion: readYaml(text)?.info?.version,
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
    console.error(
      `${problems.join("\n")}\nrun: pnpm specs:build (upstream documents change through pnpm sync-specs only)`,
    );
    process.exitCode = 1;
  } else {
    console.log(`specs/manifest.json matches ${names.join(", ")}`);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  await main(process.argv.slice(2));
}
