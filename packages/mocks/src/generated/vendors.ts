/**
 * This file was generated from specs/manifest.json by scripts/generate.mjs.
 * Do not make direct changes to the file (regenerate with `pnpm generate`).
 */

/** The vendored APIs whose specs this package serves, as listed in specs/manifest.json. */
export const vendoredApis = ["alpharun", "dixa"] as const;

/** The name of a vendored API. */
export type VendoredApi = (typeof vendoredApis)[number];
