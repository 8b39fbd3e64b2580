import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

import { type VendoredApi, vendoredApis } from "./generated/vendors.js";

export { type VendoredApi, vendoredApis };

const packageRoot = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const repoRoot = resolve(packageRoot, "..", "..");
// Note: inside the cxkit monorepo the repository's specs win over a copy left by `pnpm pack`, so a
// spec edit is served at once and never shadowed by a stale copy.
const inMonorepo =
  existsSync(join(repoRoot, "pnpm-workspace.yaml")) && existsSync(join(repoRoot, "specs", "manifest.json"));

/**
 * Absolute path of a vendored spec: the copy packed into this package or, inside the cxkit
 * monorepo, the repository's `specs/<api>/openapi.yaml`.
 */
export function specPath(api: VendoredApi): string {
  if (!isVendoredApi(api)) {
    throw new TypeError(
      `@cxkit/mocks: unknown API ${JSON.stringify(api)} (expected ${vendoredApis.join(" or ")})`,
    );
  }
  const file = join(inMonorepo ? repoRoot : packageRoot, "specs", api, "openapi.yaml");
  if (!existsSync(file)) throw new Error(`@cxkit/mocks: the ${api} spec is missing (looked for ${file})`);
  return file;
}

export function isVendoredApi(value: string): value is VendoredApi {
  return (vendoredApis as readonly string[]).includes(value);
}
