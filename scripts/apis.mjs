// The vendored APIs: specs/manifest.json lists them (its `apis` keys); everything else follows from
// the name by convention: the vendor's documents in specs/<api>/upstream/, our selection and
// corrections in specs/<api>/overlay.yaml, the built spec at specs/<api>/openapi.yaml, the client
// package @cxkit/<api> in packages/<api>, its generated types in packages/<api>/src/generated/schema.ts.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const repoRoot = fileURLToPath(new URL("..", import.meta.url));

/** The names of the vendored APIs, in the order of specs/manifest.json. */
export const apiNames = Object.keys(
  JSON.parse(readFileSync(join(repoRoot, "specs", "manifest.json"), "utf8")).apis,
);

/**
 * @type {Record<string, { spec: string, overlay: string, upstreamDir: string, package: string,
 *   packageDir: string, generated: string }>}
 */
export const apis = Object.fromEntries(
  apiNames.map((name) => [
    name,
    {
      spec: `specs/${name}/openapi.yaml`,
      overlay: `specs/${name}/overlay.yaml`,
      upstreamDir: `specs/${name}/upstream`,
      package: `@cxkit/${name}`,
      packageDir: `packages/${name}`,
      generated: `packages/${name}/src/generated/schema.ts`,
    },
  ]),
);

/** Resolves the API names given on a command line (all of them when none). */
export function selectApis(names) {
  const unknown = names.filter((name) => !(name in apis));
  if (unknown.length > 0) {
    throw new Error(`unknown API ${unknown.join(", ")}; expected one of: ${Object.keys(apis).join(", ")}`);
  }
  return names.length > 0 ? names : Object.keys(apis);
}
