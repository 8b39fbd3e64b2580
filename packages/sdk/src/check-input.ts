import {
  checkClientOptions,
  checkCredential,
  checkRateLimitOptions,
  describeValue,
  isHeaderValue,
  quoteInput,
  type RateLimitOptions,
  type RefuseOption,
} from "@cxkit/runtime";
import type { DriftCheck } from "@cxkit/runtime/drift";
import type { BackfillOptions } from "./alpharun-to-dixa/backfill.js";
import type { FieldRule } from "./alpharun-to-dixa/field-mapping.js";
import type { SyncOptions } from "./alpharun-to-dixa/sync-interaction.js";
import type { CxOptions } from "./cx-options.js";
import {
  checkWebhookSecret,
  DIXA_EVENT_NAMES,
  isDixaEvents,
  isEventStore,
} from "./dixa-to-alpharun/check-webhook-options.js";
import type { ConversationSyncOptions } from "./dixa-to-alpharun/sync-conversation.js";
import { type CredentialProblem, CxOptionsError } from "./errors.js";

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

/** An object that is not an array (nor null). */
export const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * What is wrong with a credential read from the environment, or undefined when it is usable as it is:
 * unset or blank, wrapped in whitespace, or with characters a header cannot carry. The one check
 * behind the facade's `EnvironmentCredentialError` and the CLI's credential message.
 */
export function credentialProblem(value: unknown): CredentialProblem | undefined {
  if (typeof value !== "string" || value.trim() === "") return "missing";
  if (value.trim() !== value) return "whitespace";
  return isHeaderValue(value) ? undefined : "unsafe";
}

/** Rate-limit options (`{ requestsPerSecond, burst }`) rather than a `RateLimiter` or `false`. */
export const isRateLimitOptions = (value: unknown): value is RateLimitOptions =>
  isPlainObject(value) && value.acquire === undefined;

/** A `RefuseOption` throwing `CxOptionsError`: `<where>: <prefix><option> must be <allowed>, got <given>`. */
export function refuser(where: string, prefix = ""): RefuseOption {
  return (option, allowed, given) => {
    const path = `${prefix}${option}`;
    throw new CxOptionsError(path, `${where}: ${path} must be ${allowed}, got ${describeValue(given)}`);
  };
}

/** The words of a space-separated list. */
type Words<S extends string> = S extends `${infer Word} ${infer Rest}` ? Word | Words<Rest> : S;

/**
 * A space-separated list of the keys of `T` as an array, in its order (the one error messages show):
 * a key of `T` missing from the list, or a word that is not a key of `T`, fails to compile.
 */
const keysOf =
  <T>() =>
  <S extends string>(
    keys: S & ([Exclude<keyof T, Words<S>> | Exclude<Words<S>, keyof T>] extends [never] ? unknown : never),
  ): string[] =>
    keys.split(" ");

const SYNC = "mapping conversationId dryRun writeBackKey clearEmpty signal";
/** The options each method takes. */
export const OPTION_KEYS = {
  sync: keysOf<SyncOptions>()(SYNC),
  /** a webhook's sync: the conversation comes from the interaction */
  webhook: keysOf<Omit<SyncOptions, "conversationId">>()("mapping dryRun writeBackKey clearEmpty signal"),
  backfill: keysOf<BackfillOptions>()(`${SYNC} concurrency checkpoint onProgress onItem maxListedFailures`),
  conversation: keysOf<ConversationSyncOptions>()("mapping dryRun createContact clearEmpty signal"),
};
const CX_KEYS = keysOf<CxOptions>()(
  "alpharun dixa retry timeout logger fetch env mapping writeBackKey clearEmpty attributeCacheTtlMs contactMapping createContact dixaEvents eventStore",
);
/** Each API's options, its credential first. */
const API_KEYS = {
  alpharun: keysOf<NonNullable<CxOptions["alpharun"]>>()("token baseUrl headers validateResponses"),
  dixa: keysOf<NonNullable<CxOptions["dixa"]>>()(
    "apiKey baseUrl headers rateLimit validateResponses webhookSecret",
  ),
};
const RULE_KEYS = keysOf<FieldRule>()("attribute transform");

const isFunction = (value: unknown) => typeof value === "function";
const isBoolean = (value: unknown) => typeof value === "boolean";

/**
 * The facade's own options, by name: the test of a set value and what it may be. `mapping` has its
 * own check; the clients' options (`retry`, `timeout`, ...) are `@cxkit/runtime`'s.
 */
const RULES: Record<string, [test: (value: unknown) => boolean, allowed: string]> = {
  conversationId: [isConversationId, ALLOWED.conversationId],
  dryRun: [isBoolean, "a boolean"],
  clearEmpty: [isBoolean, "a boolean"],
  createContact: [isBoolean, "a boolean"],
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
  dixaEvents: [isDixaEvents, `a non-empty array of Dixa webhook events (${DIXA_EVENT_NAMES.join(", ")})`],
  eventStore: [isEventStore, "a WebhookEventStore (an object with has and add functions)"],
};

/** Checks `createCx`'s options, all of them, before anything is built. */
export function checkCxOptions(options: unknown): void {
  const refuse = refuser("createCx");
  const given = checkOptions("createCx", options, CX_KEYS);
  const { retry, timeout, logger, fetch } = given;
  checkClientOptions({ retry, timeout, logger, fetch }, refuse);
  for (const [api, keys] of Object.entries(API_KEYS)) {
    const key = keys[0] as string;
    const {
      [key]: credential,
      validateResponses,
      webhookSecret,
      ...runtime
    } = checkObject("createCx", api, given[api] ?? {}, keys);
    if (webhookSecret !== undefined) checkWebhookSecret(webhookSecret);
    if (validateResponses !== undefined && !(validateResponses as DriftCheck)?.checkPayload) {
      refuse(`${api}.validateResponses`, "a drift check", validateResponses);
    }
    // Note: the clients' own check, so a bad credential fails alike through a factory, createCx and the CLI.
    if (credential !== undefined) checkCredential(credential, `createCx: \`${api}.${key}\``);
    // Note: the facade also takes rate-limit options, and builds the `RateLimiter` itself.
    if (isRateLimitOptions(runtime.rateLimit)) {
      checkRateLimitOptions(runtime.rateLimit, refuser("createCx", `${api}.rateLimit.`));
      delete runtime.rateLimit;
    }
    checkClientOptions(runtime, refuser("createCx", `${api}.`));
  }
}

/**
 * Checks an options object (a method's may be unset; `keys`: those it takes, from `OPTION_KEYS`): no
 * unknown key, and each set value by its rule (`mapping` by `mappingCheck`, default the field mapping's).
 */
export function checkOptions(
  where: string,
  options: unknown,
  keys: string[],
  mappingCheck: (where: string, mapping: unknown) => void = checkMapping,
): Record<string, unknown> {
  if (options === undefined) return {};
  const given = checkObject(where, "", options, keys);
  for (const [key, value] of Object.entries(given)) {
    const [test, allowed] = RULES[key] ?? [];
    if (value === undefined || !test) continue;
    if (!test(value)) refuser(where)(key, allowed as string, value);
  }
  if (given.mapping !== undefined) mappingCheck(where, given.mapping);
  return given;
}

/** Checks a field mapping's shape: keys, attribute identifiers, rules, and one field per attribute. */
export function checkMapping(where: string, mapping: unknown): void {
  const refuse: RefuseOption = refuser(where, "mapping");
  const identifier = `a Dixa attribute identifier (${ALLOWED.name})`;
  if (!isPlainObject(mapping)) {
    refuse(
      "",
      "an object of Alpharun field keys to Dixa attribute identifiers or { attribute, transform? }",
      mapping,
    );
  }
  const fieldOf = new Map<unknown, string>();
  for (const [key, entry] of Object.entries(mapping)) {
    if (!isName(key)) refuse("", `keyed by Alpharun field keys (${ALLOWED.name})`, key);
    const short = typeof entry === "string";
    if (!short && (typeof entry !== "object" || entry === null)) {
      refuse(`.${key}`, `${identifier} or { attribute, transform? }`, entry);
    }
    const { attribute, transform } = short
      ? { attribute: entry }
      : checkObject(where, `mapping.${key}`, entry, RULE_KEYS);
    if (!isName(attribute)) refuse(`.${key}${short ? "" : ".attribute"}`, identifier, attribute);
    if (transform !== undefined && typeof transform !== "function")
      refuse(`.${key}.transform`, "a function", transform);
    const other = fieldOf.get(attribute);
    if (other !== undefined) {
      const message = `${where}: mapping.${key} and mapping.${other} both map to the Dixa attribute ${quoteInput(attribute)}: each attribute takes one field`;
      throw new CxOptionsError(`mapping.${key}`, message);
    }
    fieldOf.set(attribute, key);
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

/** The value as a plain object, any key but `keys` refused (`path` names it, "" for the options). */
export function checkObject(
  where: string,
  path: string,
  value: unknown,
  keys: string[],
): Record<string, unknown> {
  if (!isPlainObject(value)) return refuser(where)(path || "options", "an object", value);
  for (const key of Object.keys(value)) {
    if (!keys.includes(key)) {
      const option = path ? `${path}.${key}` : key;
      throw new CxOptionsError(option, `${where}: ${option} is not an option (options: ${keys.join(", ")})`);
    }
  }
  return value;
}
