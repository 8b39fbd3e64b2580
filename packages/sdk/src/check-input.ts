import { checkClientOptions, describeValue, REDACTED, type RefuseOption } from "@cxkit/runtime";
import type { DriftCheck } from "@cxkit/runtime/drift";
import type { BackfillOptions } from "./backfill.js";
import type { CxOptions } from "./cx-options.js";
import { CxOptionsError } from "./errors.js";
import type { FieldRule } from "./field-mapping.js";
import type { SyncOptions } from "./sync-interaction.js";

/** Most interactions a backfill syncs at once: Dixa allows 10 requests/s per token, so more only queue. */
export const MAX_CONCURRENCY = 100;
/** Longest id, field key, attribute identifier or write-back key accepted, in characters. */
export const MAX_NAME_LENGTH = 256;

/** What each kind of input may be, in the words of the error messages (and the CLI's). */
export const ALLOWED = {
  interactionId: "a UUID like 11111111-2222-3333-4444-555555555555 (Alpharun's spec: format uuid)",
  contactId: `a contact UUID or alt:ext_id:<ext_id> (one line, at most ${MAX_NAME_LENGTH} characters)`,
  name: `one line without surrounding spaces, 1 to ${MAX_NAME_LENGTH} characters`,
  conversationId: "a Dixa conversation id: a whole number from 1 to 9007199254740991",
  concurrency: `a whole number from 1 to ${MAX_CONCURRENCY}`,
  checkpoint: "a file path (one line, not empty)",
} as const;

const UUID = /^[0-9a-f]{8}-(?:[0-9a-f]{4}-){3}[0-9a-f]{12}$/i;
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters (line breaks included) are what we reject
const ONE_LINE = /^[^\u0000-\u001f\u007f-\u009f\u2028\u2029]*$/;

/** A UUID as the spec's `format: uuid` means it (8-4-4-4-12 hex digits). */
export const isUuid = (value: unknown): value is string => typeof value === "string" && UUID.test(value);

/** One line of 1 to 256 characters, without surrounding whitespace (a key, identifier or id part). */
export function isName(value: unknown): value is string {
  return isOneLine(value) && value.length <= MAX_NAME_LENGTH && value.trim() === value && value !== "";
}

/** A string without control characters or line breaks. */
export const isOneLine = (value: unknown): value is string =>
  typeof value === "string" && ONE_LINE.test(value);

/** An Alpharun contact id: its UUID, or `alt:ext_id:<ext_id>` (`CONTACT_ID` in Alpharun's spec). */
export function isContactId(value: unknown): value is string {
  return isUuid(value) || (isName(value) && /^alt:ext_id:\S/.test(value));
}

export const isConversationId = (value: unknown): value is number =>
  Number.isSafeInteger(value) && (value as number) > 0;

export const isConcurrency = (value: unknown): value is number =>
  Number.isSafeInteger(value) && (value as number) >= 1 && (value as number) <= MAX_CONCURRENCY;

/** A `RefuseOption` throwing `CxOptionsError`: `<where>: <prefix><option> must be <allowed>, got <given>`. */
export function refuser(where: string, prefix = ""): RefuseOption {
  return (option, allowed, given) => {
    const path = `${prefix}${option}`;
    throw new CxOptionsError(path, `${where}: ${path} must be ${allowed}, got ${describeValue(given)}`);
  };
}

/** The keys of `T`, every one of them: a key added to `T` and not here fails to compile. */
function keysOf<T>(keys: Record<keyof T, true>): string[] {
  return Object.keys(keys);
}

const SYNC = {
  mapping: true,
  conversationId: true,
  dryRun: true,
  writeBackKey: true,
  clearEmpty: true,
  signal: true,
} as const;
/** The options each method takes. */
export const OPTION_KEYS = {
  sync: keysOf<SyncOptions>(SYNC),
  /** a webhook's sync: the conversation comes from the interaction */
  webhook: keysOf<Omit<SyncOptions, "conversationId">>({
    ...{ mapping: true, dryRun: true, writeBackKey: true },
    ...{ clearEmpty: true, signal: true },
  }),
  backfill: keysOf<BackfillOptions>({
    ...SYNC,
    ...{
      concurrency: true,
      checkpoint: true,
      onProgress: true,
      onItem: true,
      maxListedFailures: true,
    },
  }),
};
const CX_KEYS = keysOf<CxOptions>({
  ...{ alpharun: true, dixa: true, retry: true, timeout: true, logger: true, fetch: true, env: true },
  ...{ mapping: true, writeBackKey: true, clearEmpty: true, attributeCacheTtlMs: true },
});
const API_KEYS = {
  alpharun: keysOf<NonNullable<CxOptions["alpharun"]>>({
    token: true,
    baseUrl: true,
    headers: true,
    validateResponses: true,
  }),
  dixa: keysOf<NonNullable<CxOptions["dixa"]>>({
    apiKey: true,
    baseUrl: true,
    headers: true,
    rateLimit: true,
    validateResponses: true,
  }),
};
const RULE_KEYS = keysOf<FieldRule>({ attribute: true, transform: true });

const isFunction = (value: unknown) => typeof value === "function";

/**
 * The facade's own options, by name: the test of a set value and what it may be. `mapping` has its
 * own check; the clients' options (`retry`, `timeout`, ...) are `@cxkit/runtime`'s.
 */
const RULES: Record<string, [test: (value: unknown) => boolean, allowed: string]> = {
  conversationId: [isConversationId, ALLOWED.conversationId],
  dryRun: [(value) => typeof value === "boolean", "a boolean"],
  clearEmpty: [(value) => typeof value === "boolean", "a boolean"],
  writeBackKey: [
    (value) => value === false || isName(value),
    `false or an Alpharun custom field key (${ALLOWED.name})`,
  ],
  concurrency: [isConcurrency, ALLOWED.concurrency],
  checkpoint: [(value) => isOneLine(value) && value !== "", ALLOWED.checkpoint],
  onProgress: [isFunction, "a function"],
  onItem: [isFunction, "a function"],
  signal: [(value) => value instanceof AbortSignal, "an AbortSignal"],
  maxListedFailures: [
    (value) => Number.isSafeInteger(value) && (value as number) >= 0,
    "a whole number >= 0",
  ],
  attributeCacheTtlMs: [
    (value) => typeof value === "number" && value >= 0,
    "a number of ms >= 0 (Infinity: never refetched)",
  ],
  env: [(value) => typeof value === "object" && value !== null, "an object"],
};

/** Checks `createCx`'s options, all of them, before anything is built. */
export function checkCxOptions(options: unknown): void {
  const refuse = refuser("createCx");
  const given = checkOptions("createCx", options, CX_KEYS);
  const { retry, timeout, logger, fetch } = given;
  checkClientOptions({ retry, timeout, logger, fetch }, refuse);
  for (const [api, keys] of Object.entries(API_KEYS)) {
    const { token, apiKey, validateResponses, ...runtime } = checkObject(
      "createCx",
      api,
      given[api] ?? {},
      keys,
    );
    if (validateResponses !== undefined && !(validateResponses as DriftCheck)?.checkPayload) {
      refuse(`${api}.validateResponses`, "a drift check", validateResponses);
    }
    const [option, credential] = api === "alpharun" ? ["alpharun.token", token] : ["dixa.apiKey", apiKey];
    if (credential !== undefined && !isName(credential)) {
      const shown = typeof credential === "string" ? REDACTED : credential;
      refuse(option, "a non-empty string without surrounding spaces or control characters", shown);
    }
    checkClientOptions(runtime, refuser("createCx", `${api}.`));
  }
}

/** Checks a method's options (`keys`: those it takes, from `OPTION_KEYS`); unset is fine. */
export function checkMethodOptions(where: string, options: unknown, keys: string[]): void {
  if (options !== undefined) checkOptions(where, options, keys);
}

/** Checks an options object: no unknown key, and each set value by its rule. */
function checkOptions(where: string, options: unknown, keys: string[]): Record<string, unknown> {
  const given = checkObject(where, "", options, keys);
  for (const [key, value] of Object.entries(given)) {
    const [test, allowed] = RULES[key] ?? [];
    if (value === undefined || !test) continue;
    if (!test(value)) refuser(where)(key, allowed as string, value);
  }
  if (given.mapping !== undefined) checkMapping(where, given.mapping);
  return given;
}

/** Checks a field mapping's shape: keys, attribute identifiers, rules, and one field per attribute. */
export function checkMapping(where: string, mapping: unknown): void {
  const refuse = refuser(where, "mapping");
  const allowed =
    "an object of Alpharun field keys to Dixa attribute identifiers or { attribute, transform? }";
  if (typeof mapping !== "object" || mapping === null || Array.isArray(mapping)) refuse("", allowed, mapping);
  const fieldOf = new Map<string, string>();
  for (const [key, entry] of Object.entries(mapping as object)) {
    if (!isName(key)) refuse("", `keyed by Alpharun field keys (${ALLOWED.name})`, key);
    if (typeof entry !== "string" && (typeof entry !== "object" || entry === null)) {
      refuse(`.${key}`, `a Dixa attribute identifier (${ALLOWED.name}) or { attribute, transform? }`, entry);
    }
    const rule =
      typeof entry === "string"
        ? { attribute: entry }
        : checkObject(where, `mapping.${key}`, entry, RULE_KEYS);
    if (!isName(rule.attribute)) {
      refuse(
        `.${key}${typeof entry === "string" ? "" : ".attribute"}`,
        `a Dixa attribute identifier (${ALLOWED.name})`,
        rule.attribute,
      );
    }
    if (rule.transform !== undefined && typeof rule.transform !== "function") {
      refuse(`.${key}.transform`, "a function", rule.transform);
    }
    const other = fieldOf.get(rule.attribute as string);
    if (other !== undefined) {
      const message = `${where}: mapping.${key} and mapping.${other} both map to the Dixa attribute "${rule.attribute}": each attribute takes one field`;
      throw new CxOptionsError(`mapping.${key}`, message);
    }
    fieldOf.set(rule.attribute as string, key);
  }
}

/** Checks an id argument, e.g. `syncInteraction`'s interaction id. */
export function checkId(
  where: string,
  option: string,
  value: unknown,
  kind: "interactionId" | "contactId",
): void {
  const valid = kind === "interactionId" ? isUuid(value) : isContactId(value);
  if (!valid) refuser(where)(option, ALLOWED[kind], value);
}

/**
 * Checks a backfill's ids: an array at once (before any request), any other iterable one id at a
 * time as the backfill pulls it (a bad one stops it, with what was done reported).
 */
export function checkBackfillIds(ids: unknown): AsyncIterable<string> | Iterable<string> {
  const iterable =
    typeof ids === "object" && ids !== null && (Symbol.iterator in ids || Symbol.asyncIterator in ids);
  if (!iterable) refuser("backfill")("ids", "an array, iterable or async iterable of interaction ids", ids);
  if (!Array.isArray(ids)) return checkEach(ids as AsyncIterable<unknown> | Iterable<unknown>);
  for (const [index, id] of ids.entries()) checkId("backfill", `ids[${index}]`, id, "interactionId");
  return ids;
}

async function* checkEach(ids: AsyncIterable<unknown> | Iterable<unknown>): AsyncGenerator<string> {
  let index = 0;
  for await (const id of ids) {
    checkId("backfill", `ids[${index++}]`, id, "interactionId");
    yield id as string;
  }
}

/** The value as a plain object; with `keys`, any other key is refused (`path` names it, "" for the options). */
function checkObject(where: string, path: string, value: unknown, keys?: string[]): Record<string, unknown> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    refuser(where)(path || "options", "an object", value);
  }
  for (const key of Object.keys(value as object)) {
    if (keys && !keys.includes(key)) {
      const option = path ? `${path}.${key}` : key;
      throw new CxOptionsError(option, `${where}: ${option} is not an option (options: ${keys.join(", ")})`);
    }
  }
  return value as Record<string, unknown>;
}
