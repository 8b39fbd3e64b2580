import { checkClientOptions, describeValue, REDACTED, type RefuseOption } from "@cxkit/runtime";
import type { BackfillOptions } from "./backfill.js";
import type { CxOptions } from "./create-cx.js";
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

const SYNC_KEYS = keysOf<SyncOptions>({
  mapping: true,
  conversationId: true,
  dryRun: true,
  writeBackKey: true,
});
/** The `SyncOptions` a webhook sync takes: the conversation comes from the interaction. */
export const WEBHOOK_SYNC_KEYS = keysOf<Omit<SyncOptions, "conversationId">>({
  mapping: true,
  dryRun: true,
  writeBackKey: true,
});
const BACKFILL_KEYS = keysOf<BackfillOptions>({
  ...{ mapping: true, conversationId: true, dryRun: true, writeBackKey: true },
  ...{
    concurrency: true,
    checkpoint: true,
    onProgress: true,
    onItem: true,
    signal: true,
    maxListedFailures: true,
  },
});
const CX_KEYS = keysOf<CxOptions>({
  ...{ alpharun: true, dixa: true, retry: true, timeout: true, logger: true, fetch: true, env: true },
  ...{ mapping: true, writeBackKey: true, attributeCacheTtlMs: true },
});
const API_KEYS = {
  alpharun: keysOf<NonNullable<CxOptions["alpharun"]>>({ token: true, baseUrl: true, headers: true }),
  dixa: keysOf<NonNullable<CxOptions["dixa"]>>({
    apiKey: true,
    baseUrl: true,
    headers: true,
    rateLimit: true,
  }),
};
const RULE_KEYS = keysOf<FieldRule>({ attribute: true, transform: true });

/** Checks `createCx`'s options, all of them, before anything is built. */
export function checkCxOptions(options: unknown): void {
  const refuse = refuser("createCx");
  const given = checkObject("createCx", "", options, CX_KEYS);
  const { retry, timeout, logger, fetch, env, mapping, writeBackKey, attributeCacheTtlMs } = given;
  checkClientOptions({ retry, timeout, logger, fetch }, refuse);
  for (const [api, keys] of Object.entries(API_KEYS)) {
    const { token, apiKey, ...runtime } = checkObject("createCx", api, given[api] ?? {}, keys);
    const [option, credential] = api === "alpharun" ? ["alpharun.token", token] : ["dixa.apiKey", apiKey];
    if (credential !== undefined && !isName(credential)) {
      const shown = typeof credential === "string" ? REDACTED : credential;
      refuse(option, "a non-empty string without surrounding spaces or control characters", shown);
    }
    checkClientOptions(runtime, refuser("createCx", `${api}.`));
  }
  if (env !== undefined) checkObject("createCx", "env", env);
  if (mapping !== undefined) checkMapping("createCx", mapping);
  checkWriteBackKey(refuse, writeBackKey);
  const ttl = attributeCacheTtlMs;
  if (ttl !== undefined && !(typeof ttl === "number" && ttl >= 0)) {
    refuse("attributeCacheTtlMs", "a number of ms >= 0 (Infinity: never refetched)", ttl);
  }
}

/** Checks a method's `SyncOptions` (`keys`: those it takes). */
export function checkSyncOptions(where: string, options: unknown, keys = SYNC_KEYS): void {
  if (options === undefined) return;
  const refuse = refuser(where);
  const { mapping, conversationId, dryRun, writeBackKey } = checkObject(where, "", options, keys);
  if (mapping !== undefined) checkMapping(where, mapping);
  if (conversationId !== undefined && !isConversationId(conversationId)) {
    refuse("conversationId", ALLOWED.conversationId, conversationId);
  }
  if (dryRun !== undefined && typeof dryRun !== "boolean") refuse("dryRun", "a boolean", dryRun);
  checkWriteBackKey(refuse, writeBackKey);
}

/** Checks `BackfillOptions`. */
export function checkBackfillOptions(where: string, options: unknown): void {
  checkSyncOptions(where, options, BACKFILL_KEYS);
  if (options === undefined) return;
  const refuse = refuser(where);
  const { concurrency, checkpoint, onProgress, onItem, signal, maxListedFailures } =
    options as BackfillOptions;
  if (concurrency !== undefined && !isConcurrency(concurrency))
    refuse("concurrency", ALLOWED.concurrency, concurrency);
  if (checkpoint !== undefined && !(isOneLine(checkpoint) && checkpoint !== "")) {
    refuse("checkpoint", ALLOWED.checkpoint, checkpoint);
  }
  for (const [name, callback] of Object.entries({ onProgress, onItem })) {
    if (callback !== undefined && typeof callback !== "function") refuse(name, "a function", callback);
  }
  if (signal !== undefined && !(signal instanceof AbortSignal)) refuse("signal", "an AbortSignal", signal);
  const listed = maxListedFailures;
  if (listed !== undefined && !(Number.isSafeInteger(listed) && listed >= 0)) {
    refuse("maxListedFailures", "a whole number >= 0", listed);
  }
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

function checkWriteBackKey(refuse: RefuseOption, key: unknown): void {
  if (key !== undefined && key !== false && !isName(key)) {
    refuse("writeBackKey", `false or an Alpharun custom field key (${ALLOWED.name})`, key);
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
