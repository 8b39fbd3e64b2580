import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** The vendored APIs whose specs ship inside this package. */
export type VendoredApi = "alpharun" | "dixa";

export const vendoredApis: readonly VendoredApi[] = ["alpharun", "dixa"];

const packageRoot = resolve(dirname(fileURLToPath(import.meta.url)), "..");

/**
 * Absolute path of a vendored spec: the copy packed into this package, or, inside the cxkit
 * monorepo, the repository's `specs/<api>/openapi.yaml` (so a spec edit needs no rebuild).
 */
export function specPath(api: VendoredApi): string {
  const relative = join("specs", api, "openapi.yaml");
  const packed = join(packageRoot, relative);
  if (existsSync(packed)) return packed;
  const inRepo = resolve(packageRoot, "..", "..", relative);
  if (existsSync(inRepo)) return inRepo;
  throw new Error(`@cxkit/mocks: the ${api} spec is missing (looked in ${packed} and ${inRepo})`);
}

export function isVendoredApi(value: string): value is VendoredApi {
  return (vendoredApis as readonly string[]).includes(value);
}
