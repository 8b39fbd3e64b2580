#!/usr/bin/env node
// Creates packages/<api> from scripts/vendor-template/ for an API listed in specs/manifest.json:
//   node scripts/new-vendor.mjs <api>
// The spec's title and first server fill the template; nothing outside packages/<api> is written.
import { existsSync } from "node:fs";
import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import { dirname, join, relative } from "node:path";
import { pathToFileURL } from "node:url";
import { parse } from "yaml";
import { apis, repoRoot, selectApis } from "./apis.mjs";

const templateDir = join(repoRoot, "scripts", "vendor-template");

/** The values the template's `{{...}}` placeholders take for one API. */
export async function templateValues(name, root = repoRoot) {
  const spec = parse(await readFile(join(root, apis[name].spec), "utf8"));
  const words = name.split(/[^a-zA-Z0-9]+/).filter(Boolean);
  const pascal = words.map((word) => word[0].toUpperCase() + word.slice(1)).join("");
  return {
    api: name,
    Api: pascal,
    apiCamel: pascal[0].toLowerCase() + pascal.slice(1),
    API: words.map((word) => word.toUpperCase()).join("_"),
    title: spec?.info?.title ?? name,
    baseUrl: spec?.servers?.[0]?.url ?? "http://localhost",
  };
}

async function templateFiles(dir = templateDir) {
  const entries = await readdir(dir, { withFileTypes: true });
  const files = await Promise.all(
    entries.map((entry) =>
      entry.isDirectory() ? templateFiles(join(dir, entry.name)) : [join(dir, entry.name)],
    ),
  );
  return files.flat();
}

/** Writes packages/<api> from the template; refuses to overwrite an existing package. */
export async function createVendorPackage(name, root = repoRoot) {
  const target = join(root, apis[name].packageDir);
  if (existsSync(target)) throw new Error(`${apis[name].packageDir} exists already; nothing was written`);
  const values = await templateValues(name, root);
  for (const file of await templateFiles()) {
    const text = (await readFile(file, "utf8")).replace(/\{\{(\w+)\}\}/g, (_, key) => values[key]);
    const output = join(target, relative(templateDir, file).replace(/\.tmpl$/, ""));
    await mkdir(dirname(output), { recursive: true });
    await writeFile(output, text);
  }
  return target;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const [name, ...rest] = process.argv.slice(2);
  if (!name || rest.length > 0) {
    console.error(
      "usage: node scripts/new-vendor.mjs <api>  (the API must be listed in specs/manifest.json)",
    );
    process.exit(2);
  }
  selectApis([name]);
  const target = await createVendorPackage(name);
  console.log(`created ${relative(repoRoot, target)}: run pnpm install && pnpm generate && pnpm build`);
}
