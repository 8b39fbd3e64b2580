#!/usr/bin/env node
// Generates the types of the engine conformance suite's own spec, the way scripts/generate.mjs does for
// the vendors' specs (same openapi-typescript options, same header, clean slate):
//   node scripts/generate-conformance.mjs   packages/runtime/test/conformance/generated/schema.ts
// (scripts/test/engine-conformance.test.ts fails when the committed types are stale.)
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

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  await writeSchema(join(repoRoot, conformanceTypes), await renderConformanceTypes());
  console.log(`generated ${conformanceTypes} from ${conformanceSpec}`);
}
