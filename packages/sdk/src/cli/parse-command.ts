import { parseArgs } from "node:util";
import type { FieldMapping } from "../field-mapping.js";

/** A command line that cannot be run; printed with a hint to `--help`, exit status 2. */
export class UsageError extends Error {
  override name = "UsageError";
}

interface Common {
  dryRun: boolean;
  json: boolean;
  mapping: FieldMapping | undefined;
  writeBackKey: string | false | undefined;
  rateLimit: number | undefined;
}

export type Command =
  | { name: "help" }
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
} as const;

/** Parses `cxkit`'s arguments (without `node` and the script). */
export function parseCommand(argv: readonly string[]): Command {
  let parsed: ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>;
  try {
    parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  const [name, ...rest] = positionals;
  if (values.help || name === undefined || name === "help") return { name: "help" };
  const common: Common = {
    dryRun: values["dry-run"] ?? false,
    json: values.json ?? false,
    mapping: parseMapping(values.map),
    writeBackKey: values["no-write-back"] ? false : values["write-back-key"],
    rateLimit:
      values["rate-limit"] === undefined ? undefined : positive("--rate-limit", values["rate-limit"], false),
  };
  if (name === "sync") {
    only(values, ["contact", "checkpoint", "concurrency"], "sync");
    const [interactionId, ...extra] = rest;
    if (!interactionId) throw new UsageError("sync needs an interaction id: cxkit sync <interactionId>");
    if (extra.length > 0) throw new UsageError(`unexpected argument ${extra[0]}`);
    const conversationId =
      values.conversation === undefined ? undefined : positive("--conversation", values.conversation, true);
    return { ...common, name, interactionId, conversationId };
  }
  if (name === "backfill") {
    only(values, ["conversation"], "backfill");
    if (rest.length > 0) throw new UsageError(`unexpected argument ${rest[0]}`);
    if (!values.contact) throw new UsageError("backfill needs --contact <id>");
    const concurrency =
      values.concurrency === undefined ? undefined : positive("--concurrency", values.concurrency, true);
    return { ...common, name, contactId: values.contact, checkpoint: values.checkpoint, concurrency };
  }
  throw new UsageError(`unknown command ${name}: expected sync or backfill`);
}

function parseMapping(entries: string[] | undefined): FieldMapping | undefined {
  if (!entries || entries.length === 0) return undefined;
  const mapping: Record<string, string> = {};
  for (const entry of entries) {
    const match = /^([^=\s]+)=([^=\s]+)$/.exec(entry);
    if (!match?.[1] || !match[2]) throw new UsageError(`--map takes key=attribute, got ${entry}`);
    mapping[match[1]] = match[2];
  }
  return mapping;
}

function positive(flag: string, raw: string, integer: boolean): number {
  const value = Number(raw);
  if (!(value > 0) || !Number.isFinite(value) || (integer && !Number.isSafeInteger(value))) {
    throw new UsageError(`${flag} takes a positive ${integer ? "integer" : "number"}, got ${raw}`);
  }
  return value;
}

function only(values: Record<string, unknown>, forbidden: string[], command: string): void {
  const used = forbidden.find((flag) => values[flag] !== undefined);
  if (used) throw new UsageError(`--${used} does not apply to ${command}`);
}
