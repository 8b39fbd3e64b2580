import { isHeaderValue } from "./header-value.js";
import { ClientOptionsError } from "./input-errors.js";
import { quoteInput } from "./quote-input.js";
import { REDACTED } from "./redact.js";

/**
 * Longest delay a timer can wait, in ms (2^31 - 1, about 24.8 days): `setTimeout` fires at once
 * for anything longer, so a longer timeout or backoff would end at once. Also the upper bound of
 * every other number option.
 */
export const MAX_DELAY_MS = 2_147_483_647;

/** Reports one bad option and throws: its path (e.g. `retry.retries`), what it may be, what it was. */
export type RefuseOption = (option: string, allowed: string, given: unknown) => never;

/** An option's path and either the `typeof` it must have or the range it must be in (`whole`: an integer). */
type Rule =
  | [option: string, type: string, max?: never]
  | [option: string, min: number, max: number, whole?: boolean];

/**
 * The runtime options every client factory takes (`ApiClientOptions`) but `baseUrl`, `headers` and
 * `rateLimit`, checked on their own. `timeout` and `retry` may also be `false`.
 */
const RULES: Rule[] = [
  ["fetch", "function"],
  ["logger", "function"],
  ["throwOnError", "boolean"],
  ["headers", "object"],
  ["timeout", 1, MAX_DELAY_MS],
  ["retry", "object"],
  ["retry.retries", 0, MAX_DELAY_MS, true],
  ["retry.minDelay", 0, MAX_DELAY_MS],
  ["retry.maxDelay", 0, MAX_DELAY_MS],
  ["retry.maxRetryAfter", 0, MAX_DELAY_MS],
  ["retry.jitter", 0, 1],
  ["retry.nonIdempotent", "boolean"],
  ["retry.idempotentOperations", "object"],
];

/**
 * The options of a `RateLimiter` (`RateLimitOptions`).
 * Note: `requestsPerSecond` is at least 0.001 (a request every 1000 s), so the wait between two
 * requests stays a delay a timer can take.
 */
const RATE_LIMIT_RULES: Rule[] = [
  ["requestsPerSecond", 0.001, MAX_DELAY_MS],
  ["burst", 1, MAX_DELAY_MS, true],
];

/** A `RefuseOption` that throws `ClientOptionsError`, its message starting with `prefix`. */
export function refuseOption(prefix: string): RefuseOption {
  return (option, allowed, given) => {
    throw new ClientOptionsError(
      option,
      `${prefix}\`${option}\` must be ${allowed}, got ${describeValue(given)}`,
    );
  };
}

/** A value as an error message shows it: strings quoted (`quoteInput`: at most 80 characters), objects by kind only. */
export function describeValue(value: unknown): string {
  if (typeof value === "string") return quoteInput(value);
  if (typeof value === "function") return "a function";
  return typeof value === "object" && value ? "an object" : String(value);
}

/**
 * Checks the runtime options every client factory takes (`ApiClientOptions`): the type and range of
 * each one set; the first bad one goes to `refuse`. Header values are never shown.
 */
export function checkClientOptions(options: Record<string, unknown>, refuse: RefuseOption): void {
  const { baseUrl, rateLimit } = options as { baseUrl?: unknown; rateLimit?: unknown };
  if (baseUrl !== undefined && !isHttpUrl(baseUrl)) refuse("baseUrl", "an absolute http(s) URL", baseUrl);
  checkRules(options, RULES, refuse);
  // Note: by its method, so a bundle that never builds a `RateLimiter` does not carry the class.
  if (
    rateLimit !== undefined &&
    rateLimit !== false &&
    typeof (rateLimit as { acquire?: unknown })?.acquire !== "function"
  ) {
    refuse("rateLimit", "a RateLimiter (`new RateLimiter({ requestsPerSecond })`) or false", rateLimit);
  }
  for (const [name, value] of Object.entries(options.headers ?? {})) {
    if (!isHeaderValue(value) || !/^(?!authorization$)[\w!#$%&'*+.^`|~-]+$/i.test(name)) {
      const given = typeof value === "string" ? REDACTED : value;
      refuse(
        `headers.${name}`,
        "a string without control characters, under a valid name but Authorization",
        given,
      );
    }
  }
}

/** Checks the options of a `RateLimiter` (`RateLimitOptions`); the first bad one goes to `refuse`. */
export function checkRateLimitOptions(options: unknown, refuse: RefuseOption): void {
  if (typeof options !== "object" || options === null) refuse("options", "an object", options);
  checkRules(options as Record<string, unknown>, RATE_LIMIT_RULES, refuse);
  const { requestsPerSecond } = options as { requestsPerSecond?: unknown };
  if (requestsPerSecond === undefined) refuse("requestsPerSecond", "set", requestsPerSecond);
}

/** Checks each rule's option that is set (`false` too, for `timeout` and `retry`). */
function checkRules(options: Record<string, unknown>, rules: Rule[], refuse: RefuseOption): void {
  for (const [option, min, max, whole] of rules) {
    const value = option
      .split(".")
      .reduce<unknown>((parent, key) => (parent as Record<string, unknown> | undefined)?.[key], options);
    if (value === undefined || (value === false && /^(timeout|retry)$/.test(option))) continue;
    const ok =
      typeof min === "string"
        ? typeof value === min && value !== null
        : typeof value === "number" && value >= min && value <= (max ?? 0) && (!whole || value % 1 === 0);
    if (!ok) {
      refuse(
        option,
        typeof min === "string" ? `of type ${min}` : `a ${whole ? "whole " : ""}number from ${min} to ${max}`,
        value,
      );
    }
  }
}

function isHttpUrl(value: unknown): boolean {
  return typeof value === "string" && /^https?:\/\/[^\s?#/]+[^\s?#]*$/i.test(value) && URL.canParse(value);
}
