// The vendored APIs: where each spec lives and which package its types are generated into.
import { fileURLToPath } from "node:url";

export const repoRoot = fileURLToPath(new URL("..", import.meta.url));

/** @type {Record<string, { spec: string, package: string, packageDir: string, generated: string }>} */
export const apis = {
  alpharun: {
    spec: "specs/alpharun/openapi.yaml",
    package: "@cxkit/alpharun",
    packageDir: "packages/alpharun",
    generated: "packages/alpharun/src/generated/schema.ts",
  },
  dixa: {
    spec: "specs/dixa/openapi.yaml",
    package: "@cxkit/dixa",
    packageDir: "packages/dixa",
    generated: "packages/dixa/src/generated/schema.ts",
  },
};

/** Resolves the API names given on a command line (all of them when none). */
export function selectApis(names) {
  const unknown = names.filter((name) => !(name in apis));
  if (unknown.length > 0) {
    throw new Error(`unknown API ${unknown.join(", ")}; expected one of: ${Object.keys(apis).join(", ")}`);
  }
  return names.length > 0 ? names : Object.keys(apis);
}
