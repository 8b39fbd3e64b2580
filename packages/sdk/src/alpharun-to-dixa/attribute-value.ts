import type { SkipReason } from "../outcome.js";
import type {
  AlpharunValue,
  CustomAttributeDefinition,
  DixaAttributeValue,
  SelectOption,
} from "../vendor-types.js";

/** A value to write: what Alpharun extracted, or a Select option path a transform produced. */
export type MappedValue = AlpharunValue | readonly string[];

export type AttributeValueResult =
  | { ok: true; value: DixaAttributeValue }
  | { ok: false; reason: SkipReason };

const BOOLEAN_WORDS = { true: ["yes", "true"], false: ["no", "false"] } as const;
const LISTED_OPTIONS = 12;

/**
 * Turns a value into what Dixa accepts for the attribute: a string for Text, the path of option
 * values for Select (`["payment", "card"]` for a nested option), or null to clear.
 * Numbers become `String(n)` and booleans `"true"`/`"false"` on Text; on Select, an option whose value
 * or label matches (case-insensitively; booleans also match "yes"/"no").
 * @see https://docs.dixa.io/openapi/dixa-api/beta/tag/Custom-Attributes/
 */
export function toAttributeValue(
  definition: CustomAttributeDefinition,
  value: MappedValue,
): AttributeValueResult {
  if (value === null) return { ok: true, value: null };
  const input = definition.inputDefinition;
  if (input._type === "Text") return toText(definition, value);
  if (input._type === "Select") return toSelect(definition, input.options, value);
  return skip("unsupported-value", `"${definition.identifier}" has an input type the SDK cannot write`);
}

/** Whether the SDK can write values to this kind of attribute (Text or Select). */
export function canWrite(definition: CustomAttributeDefinition): boolean {
  const type = definition.inputDefinition._type;
  return type === "Text" || type === "Select";
}

function toText(
  definition: CustomAttributeDefinition,
  value: Exclude<MappedValue, null>,
): AttributeValueResult {
  if (typeof value === "string" || typeof value === "boolean" || Number.isFinite(value)) {
    return { ok: true, value: String(value) };
  }
  return skip(
    "unsupported-value",
    `${describe(value)} cannot be written to the Text attribute "${definition.identifier}"`,
  );
}

function toSelect(
  definition: CustomAttributeDefinition,
  options: SelectOption[],
  value: Exclude<MappedValue, null>,
): AttributeValueResult {
  const path = isPath(value)
    ? matchPath(options, value)
    : findOption(options, typeof value === "boolean" ? BOOLEAN_WORDS[`${value}`] : [String(value)]);
  if (path) return { ok: true, value: path };
  return skip(
    "no-matching-option",
    `no active option of the Select attribute "${definition.identifier}" matches ${describe(value)} ` +
      `(valid: ${listOptions(options)})`,
  );
}

function isPath(value: Exclude<MappedValue, null>): value is readonly string[] {
  return Array.isArray(value);
}

const normalize = (text: string) => text.trim().toLowerCase();
const active = (options: SelectOption[] | undefined) =>
  (options ?? []).filter((option) => !option.isDeactivated);
const matches = (option: SelectOption, wanted: string) =>
  normalize(option.value) === normalize(wanted) || normalize(option.label) === normalize(wanted);

/** Depth-first: the first candidate that matches an active option at any depth, as its value path. */
function findOption(options: SelectOption[], wanted: readonly string[]): string[] | undefined {
  for (const word of wanted) {
    const path = search(options, word);
    if (path) return path;
  }
  return undefined;
}

function search(options: SelectOption[], word: string): string[] | undefined {
  for (const option of active(options)) {
    if (matches(option, word)) return [option.value];
  }
  for (const option of active(options)) {
    const below = search(option.nestedOptions ?? [], word);
    if (below) return [option.value, ...below];
  }
  return undefined;
}

/** An explicit path (from a transform): each step must match an active option below the previous one. */
function matchPath(options: SelectOption[], steps: readonly string[]): string[] | undefined {
  const path: string[] = [];
  let level = options;
  for (const step of steps) {
    const option = active(level).find((candidate) => matches(candidate, step));
    if (!option) return undefined;
    path.push(option.value);
    level = option.nestedOptions ?? [];
  }
  return path.length > 0 ? path : undefined;
}

function listOptions(options: SelectOption[]): string {
  const paths: string[] = [];
  const walk = (level: SelectOption[], prefix: string) => {
    for (const option of active(level)) {
      const path = prefix + option.value;
      const children = active(option.nestedOptions);
      if (children.length === 0) paths.push(path);
      else walk(children, `${path}/`);
    }
  };
  walk(options, "");
  if (paths.length === 0) return "none";
  const shown = paths.slice(0, LISTED_OPTIONS).join(", ");
  return paths.length > LISTED_OPTIONS ? `${shown}, … ${paths.length - LISTED_OPTIONS} more` : shown;
}

function describe(value: Exclude<MappedValue, null>): string {
  return isPath(value) ? `[${value.map((step) => JSON.stringify(step)).join(", ")}]` : JSON.stringify(value);
}

function skip(code: SkipReason["code"], message: string): AttributeValueResult {
  return { ok: false, reason: { code, message } };
}
