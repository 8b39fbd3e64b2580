import { checkClientOptions } from "@cxkit/runtime";
import { UsageError } from "./parse-command.js";

/** The variables `cxkit` reads: credentials (required, checked by the facade) and API roots (optional). */
const VARIABLES = [
  "ALPHARUN_API_TOKEN",
  "DIXA_API_KEY",
  "DIXA_WEBHOOK_SECRET",
  "ALPHARUN_BASE_URL",
  "DIXA_BASE_URL",
] as const;

/**
 * The environment as `cxkit` uses it: each variable trimmed of surrounding whitespace (a pasted
 * newline is the usual slip), said once through `note`, and each base URL checked, naming the
 * variable. A blank base URL counts as unset. Values never appear in a note or an error.
 */
export function readEnvironment(
  env: Record<string, string | undefined>,
  note: (message: string) => void,
): Record<string, string | undefined> {
  const clean = { ...env };
  for (const variable of VARIABLES) {
    const value = env[variable];
    if (value === undefined || value.trim() === value) continue;
    clean[variable] = value.trim();
    if (value.trim() !== "") note(`${variable} has surrounding whitespace; using it trimmed`);
  }
  for (const variable of ["ALPHARUN_BASE_URL", "DIXA_BASE_URL"] as const) {
    const baseUrl = clean[variable] || undefined;
    checkClientOptions({ baseUrl }, (_option, allowed, given) => {
      throw new UsageError(`${variable} must be ${allowed}, got ${JSON.stringify(given)}`);
    });
  }
  return clean;
}
