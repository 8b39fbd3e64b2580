import { escapeRegExp } from "./escape-regexp.js";

/** What a secret is replaced with in messages, bodies, headers and logs. */
export const REDACTED = "[REDACTED]";

/** Headers whose values are hidden whatever they contain. */
const SENSITIVE_HEADERS = new Set([
  "authorization",
  "proxy-authorization",
  "cookie",
  "set-cookie",
  "x-api-key",
  "api-key",
]);

/** Error properties copied onto a redacted error besides `name`, `message`, `stack` and `cause`. */
const ERROR_FIELDS = ["code", "errno", "syscall"] as const;

const MAX_DEPTH = 8;

/** Replaces known secrets in everything the runtime puts into an error or a log line. */
export interface Redactor {
  /** the string with every secret replaced by `[REDACTED]` */
  string(value: string): string;
  /** a copy of a JSON-like value (e.g. a vendor error body) with secrets replaced in every string */
  value<T>(value: T): T;
  /** the headers as a plain object; sensitive ones (`authorization`, `cookie`, ...) always hidden */
  headers(headers: Headers): Record<string, string>;
  /** a plain copy of an error and its `cause` chain with secrets replaced; other properties dropped */
  error(error: unknown): Error;
}

/** Secrets shorter than this are replaced only where they stand whole, never inside a word. */
const SHORT_SECRET = 8;

/**
 * Builds a redactor for the given secrets (empty strings are ignored). A secret of 8 characters or
 * more is replaced wherever it appears; a shorter one only where it stands whole (not next to a
 * letter, digit, `_` or `-`), so `token: "t"` hides `Bearer t` without turning `Contact` into
 * `Con[REDACTED]act`.
 */
export function createRedactor(secrets: readonly string[]): Redactor {
  // Longest first, so a secret that contains another is replaced whole.
  const list = secrets
    .filter((secret) => secret.length > 0)
    .sort((a, b) => b.length - a.length)
    .map((secret) => (secret.length < SHORT_SECRET ? wholeWord(secret) : secret));

  function string(value: string): string {
    let result = value;
    for (const secret of list) result = result.replaceAll(secret, REDACTED);
    return result;
  }

  function value<T>(input: T, depth = 0): T {
    if (typeof input === "string") return string(input) as T;
    if (input === null || typeof input !== "object" || depth > MAX_DEPTH) return input;
    if (Array.isArray(input)) return input.map((item) => value(item, depth + 1)) as T;
    const copy: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(input)) copy[string(key)] = value(item, depth + 1);
    return copy as T;
  }

  function headers(input: Headers): Record<string, string> {
    const result: Record<string, string> = {};
    input.forEach((headerValue, name) => {
      result[name] = SENSITIVE_HEADERS.has(name) ? REDACTED : string(headerValue);
    });
    return result;
  }

  function error(input: unknown, depth = 0): Error {
    if (!(input instanceof Error)) return new Error(string(String(input)));
    const copy = new Error(string(input.message));
    copy.name = input.name;
    copy.stack = input.stack === undefined ? undefined : string(input.stack);
    const source = input as unknown as Record<string, unknown>;
    const target = copy as unknown as Record<string, unknown>;
    for (const field of ERROR_FIELDS) {
      const fieldValue = source[field];
      if (typeof fieldValue === "string" || typeof fieldValue === "number") target[field] = fieldValue;
    }
    if (input.cause !== undefined && depth < MAX_DEPTH) copy.cause = error(input.cause, depth + 1);
    return copy;
  }

  return { string, value: (input) => value(input), headers, error: (input) => error(input) };
}

/** Matches `secret` where no letter, digit, `_` or `-` touches it. */
function wholeWord(secret: string): RegExp {
  const escaped = escapeRegExp(secret);
  return new RegExp(`(?<![\\p{L}\\p{N}_-])${escaped}(?![\\p{L}\\p{N}_-])`, "gu");
}
