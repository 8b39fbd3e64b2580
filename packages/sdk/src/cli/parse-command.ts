import { parseArgs } from "node:util";
import { quoteInput } from "@cxkit/runtime";
import type { FieldMapping } from "../alpharun-to-dixa/field-mapping.js";
import {
  ALLOWED,
  isConcurrency,
  isContactId,
  isConversationId,
  isName,
  isOneLine,
  isUuid,
} from "../check-input.js";

/** A command line that cannot be run; printed as one `cxkit:` line with a hint to `--help`, exit status 2. */
export class UsageError extends Error {
  override name = "UsageError";
}

/** Highest `--rate-limit`, in Dixa requests per second (Dixa's documented limit is 10 per token). */
export const MAX_RATE_LIMIT = 1000;

interface Common {
  dryRun: boolean;
  json: boolean;
  mapping: FieldMapping | undefined;
  writeBackKey: string | false | undefined;
  rateLimit: number | undefined;
}

export type Command =
  | { name: "help" }
  | { name: "version" }
  | (Common & { name: "sync"; interactionId: string; conversationId: number | undefined })
  | (Common & {
      name: "backfill";
      contactId: string;
      checkpoint: string | undefined;
      concurrency: number | undefined;
    });

const OPTIONS = {
  conversation: { type: "string" },
  "dry-run": { type: "boolean" },
  map: { type: "string", multiple: true },
  "write-back-key": { type: "string" },
  "no-write-back": { type: "boolean" },
  contact: { type: "string" },
  checkpoint: { type: "string" },
  concurrency: { type: "string" },
  "rate-limit": { type: "string" },
  json: { type: "boolean" },
  help: { type: "boolean", short: "h" },
  version: { type: "boolean" },
} as const;

interface Values {
  conversation?: string;
  "dry-run"?: boolean;
  map?: string[];
  "write-back-key"?: string;
  "no-write-back"?: boolean;
  contact?: string;
  checkpoint?: string;
  concurrency?: string;
  "rate-limit"?: string;
  json?: boolean;
  help?: boolean;
  version?: boolean;
}

/** How a usage error quotes an argument: `quoteInput`, or one that also hides credentials (see `runCli`). */
export type Quote = (value: string) => string;

/**
 * Parses `cxkit`'s arguments (without `node` and the script); every flag and argument is checked here.
 * A usage error quotes what was given through `quote` (at most 80 characters of it).
 */
export function parseCommand(argv: readonly string[], quote: Quote = quoteInput): Command {
  const { values, positionals } = readArguments<Values>(argv, OPTIONS, quote);
  const [name, ...rest] = positionals;
  if (values.help || name === "help") return { name: "help" };
  if (values.version) return { name: "version" };
  if (name === undefined) return { name: "help" };
  if (name !== "sync" && name !== "backfill") {
    throw new UsageError(`unknown command ${quote(name)}: expected sync, backfill or serve`);
  }
  if (values["no-write-back"] && values["write-back-key"] !== undefined) {
    throw new UsageError("--write-back-key and --no-write-back do not go together: pick one");
  }
  const common: Common = {
    dryRun: values["dry-run"] ?? false,
    json: values.json ?? false,
    mapping: parseMapping(values.map, quote),
    writeBackKey: values["no-write-back"]
      ? false
      : check(
          quote,
          "--write-back-key",
          values["write-back-key"],
          isName,
          `an Alpharun custom field key (${ALLOWED.name})`,
        ),
    rateLimit: number(
      quote,
      "--rate-limit",
      values["rate-limit"],
      /^\d+(\.\d+)?$/,
      (n) => n > 0 && n <= MAX_RATE_LIMIT,
      `a number above 0, at most ${MAX_RATE_LIMIT}`,
    ),
  };
  if (name === "sync") {
    only(values, ["contact", "checkpoint", "concurrency"], "sync");
    const [interactionId, ...extra] = rest;
    if (interactionId === undefined)
      throw new UsageError("sync needs an interaction id: cxkit sync <interactionId>");
    if (extra[0] !== undefined) throw new UsageError(`unexpected argument ${quote(extra[0])}`);
    return {
      ...common,
      name,
      interactionId: check(quote, "the interaction id", interactionId, isUuid, ALLOWED.interactionId),
      conversationId: number(
        quote,
        "--conversation",
        values.conversation,
        /^\d+$/,
        isConversationId,
        ALLOWED.conversationId,
      ),
    };
  }
  only(values, ["conversation"], "backfill");
  if (rest[0] !== undefined) throw new UsageError(`unexpected argument ${quote(rest[0])}`);
  if (values.contact === undefined) throw new UsageError("backfill needs --contact <id>");
  return {
    ...common,
    name,
    contactId: check(quote, "--contact", values.contact, isContactId, ALLOWED.contactId),
    checkpoint: check(
      quote,
      "--checkpoint",
      values.checkpoint,
      (path) => isOneLine(path) && path !== "",
      ALLOWED.checkpoint,
    ),
    concurrency: number(
      quote,
      "--concurrency",
      values.concurrency,
      /^\d+$/,
      isConcurrency,
      ALLOWED.concurrency,
    ),
  };
}

/** The flags a command takes, as Node's `parseArgs` declares them. */
export type Flags = Record<string, { type: "string" | "boolean"; multiple?: boolean; short?: string }>;

/**
 * Node's `parseArgs` in its lenient mode, then our own checks, so every mistake gets our message
 * (a value quoted through `quote`): unknown flags, a flag without its value (or taking the next flag as
 * one), a value on a switch, and a single-value flag given twice.
 */
export function readArguments<V>(
  argv: readonly string[],
  options: Flags,
  quote: Quote,
): { values: V; positionals: string[] } {
  const { tokens, positionals } = parseArgs({
    args: [...argv],
    options,
    allowPositionals: true,
    strict: false,
    tokens: true,
  });
  const seen = new Set<string>();
  const values: Record<string, unknown> = {};
  for (const token of tokens) {
    if (token.kind !== "option") continue;
    const flag = token.rawName;
    const spec = options[token.name];
    if (!spec) throw new UsageError(`unknown option ${quote(flag)}`);
    if (spec.type === "boolean") {
      if (token.value !== undefined)
        throw new UsageError(`${flag} takes no value, got ${quote(token.value)}`);
      values[token.name] = true;
      continue;
    }
    // Note: `--checkpoint --json` would take `--json` as the file; a value that looks like a flag must be inline.
    if (token.value === undefined || (!token.inlineValue && /^--?[a-z]/i.test(token.value))) {
      throw new UsageError(
        `${flag} needs a value${token.value === undefined ? "" : ` (got the option ${quote(token.value)}; write ${flag}=<value> if that is the value)`}`,
      );
    }
    if (spec.multiple)
      values[token.name] = [...((values[token.name] as string[] | undefined) ?? []), token.value];
    else if (seen.has(token.name)) throw new UsageError(`${flag} is given twice`);
    else values[token.name] = token.value;
    seen.add(token.name);
  }
  return { values: values as V, positionals };
}

/** `--map key=attribute`, repeatable: each key once, each attribute for one key. */
function parseMapping(entries: string[] | undefined, quote: Quote): FieldMapping | undefined {
  if (!entries) return undefined;
  const attributeOf = new Map<string, string>();
  const keyOf = new Map<string, string>();
  for (const entry of entries) {
    const [key, attribute, ...more] = entry.split("=");
    if (!isName(key) || !isName(attribute) || more.length > 0) {
      throw new UsageError(`--map takes key=attribute (each ${ALLOWED.name}), got ${quote(entry)}`);
    }
    const before = attributeOf.get(key);
    if (before !== undefined) {
      throw new UsageError(
        `--map maps ${quote(key)} twice (to ${quote(before)} and ${quote(attribute)}): map each key once`,
      );
    }
    const other = keyOf.get(attribute);
    if (other !== undefined) {
      throw new UsageError(
        `--map maps ${quote(other)} and ${quote(key)} both to ${quote(attribute)}: each Dixa attribute takes one field`,
      );
    }
    attributeOf.set(key, attribute);
    keyOf.set(attribute, key);
  }
  // Note: from a Map, so a key such as `constructor` is a key like any other, not a property of Object.
  return Object.fromEntries(attributeOf);
}

/** The value when it is unset or passes `test`; else a usage error saying what is allowed. */
function check<T extends string | undefined>(
  quote: Quote,
  what: string,
  value: T,
  test: (value: string) => boolean,
  allowed: string,
): T {
  if (value !== undefined && !test(value))
    throw new UsageError(`${what} must be ${allowed}, got ${quote(value)}`);
  return value;
}

/** A flag's number, written as `pattern` (plain decimal: no `1e9`, `0x10` or spaces) and passing `test`. */
function number(
  quote: Quote,
  flag: string,
  raw: string | undefined,
  pattern: RegExp,
  test: (value: number) => boolean,
  allowed: string,
): number | undefined {
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (!pattern.test(raw) || !test(value)) throw new UsageError(`${flag} takes ${allowed}, got ${quote(raw)}`);
  return value;
}

function only(values: Values, forbidden: (keyof Values)[], command: string): void {
  const used = forbidden.find((flag) => values[flag] !== undefined);
  if (used) throw new UsageError(`--${used} does not apply to ${command}`);
}
