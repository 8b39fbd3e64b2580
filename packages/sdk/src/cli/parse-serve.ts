// `cxkit serve`'s command line.
import { isName } from "../check-input.js";
import {
  CONVERSATION_FACTS,
  type ContactFieldRule,
  type ContactMapping,
} from "../dixa-to-alpharun/contact-mapping.js";
import { type Flags, type Quote, readArguments, UsageError } from "./parse-command.js";

/** A `cxkit serve` command line that cannot run. */
export class ServeUsageError extends Error {}

interface ServeCommand {
  port: number;
  host: string;
  contactMapping: ContactMapping | undefined;
  createContact: boolean;
}

const SERVE_FLAGS: Flags = {
  port: { type: "string" },
  host: { type: "string" },
  "contact-field": { type: "string", multiple: true },
  "create-contact": { type: "boolean" },
};

interface ServeValues {
  port?: string;
  host?: string;
  "contact-field"?: string[];
  "create-contact"?: boolean;
}

/**
 * Reads `--port` (0 to 65535, default 3000; 0: any free port), `--host` (default 127.0.0.1),
 * `--contact-field <key>=<fact or attribute:identifier>` (repeatable) and `--create-contact`.
 */
export function parseServe(argv: readonly string[], quote: Quote): ServeCommand {
  let read: { values: ServeValues; positionals: string[] };
  try {
    read = readArguments<ServeValues>(argv, SERVE_FLAGS, quote);
  } catch (error) {
    throw error instanceof UsageError ? new ServeUsageError(`serve: ${error.message}`) : error;
  }
  const { values, positionals } = read;
  if (positionals[0] !== undefined) {
    throw new ServeUsageError(`serve: unexpected argument ${quote(positionals[0])}`);
  }
  const { port = "3000", host = "127.0.0.1" } = values;
  if (!/^\d{1,5}$/.test(port) || Number(port) > 65535) {
    throw new ServeUsageError(`--port takes a whole number from 0 to 65535, got ${quote(port)}`);
  }
  if (host.trim() === "" || /\s/.test(host)) {
    throw new ServeUsageError(`--host takes an address to listen on, got ${quote(host)}`);
  }
  const fields = values["contact-field"];
  return {
    port: Number(port),
    host,
    contactMapping: fields && {
      fields: Object.fromEntries(fields.map((entry) => parseContactField(entry, quote))),
    },
    createContact: values["create-contact"] ?? false,
  };
}

/** `--contact-field key=source`: an Alpharun contact field key and a fact or `attribute:<identifier>`. */
function parseContactField(entry: string, quote: Quote): [string, ContactFieldRule] {
  const [key, source, ...more] = entry.split("=");
  const facts = Object.keys(CONVERSATION_FACTS);
  const attribute = source?.startsWith("attribute:") ? source.slice("attribute:".length) : undefined;
  const valid =
    isName(key) && more.length === 0 && (attribute ? isName(attribute) : facts.includes(source ?? ""));
  if (!valid) {
    throw new ServeUsageError(
      `--contact-field takes key=source, the source one of ${facts.join(", ")} or attribute:<identifier>, got ${quote(entry)}`,
    );
  }
  return [key as string, attribute ? { attribute } : (source as ContactFieldRule)];
}
