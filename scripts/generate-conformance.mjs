#!/usr/bin/env node
// Generates the types of the engine conformance suite's own spec, the way scripts/generate.mjs does for
// the vendors' specs (same openapi-typescript options, same header, clean slate):
//   node scripts/generate-conformance.mjs           packages/runtime/test/conformance/generated/schema.ts
//   node scripts/generate-conformance.mjs --check   fail when the committed types are stale
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { repoRoot } from "./apis.mjs";
import { renderSchema, writeSchema } from "./generate.mjs";

export const conformanceSpec = "packages/runtime/test/conformance/openapi.yaml";
export const conformanceTypes = "packages/runtime/test/conformance/generated/schema.ts";

/** The conformance suite's types as openapi-typescript renders them from its spec. */
export function renderConformanceTypes() {
  return renderSchema(join(repoRoot, conformanceSpec), conformanceSpec);
}

async function main(argv) {
  const source = await renderConformanceTypes();
  const output = join(repoRoot, conformanceTypes);
  if (argv.includes("--check")) {
    if ((await readFile(output, "utf8").catch(() => "")) !== source) {
      console.error(`stale generated code: ${conformanceTypes}\nrun: pnpm generate`);
      process.exitCode = 1;
    }
    return;
  }
  await writeSchema(output, source);
  console.log(`generated ${conformanceTypes} from ${conformanceSpec}`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  await main(process.argv.slice(2));
}
