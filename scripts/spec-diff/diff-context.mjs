// The state one spec comparison carries: both documents, the operation being compared, the
// changes found so far and the component schemas the operations reach.
import { levelOf } from "./rules.mjs";

/**
 * @typedef {object} Change
 * @property {string} rule       id from rules.mjs
 * @property {import("./rules.mjs").Level} level
 * @property {string} group      "GET /contacts (listContacts)", "API" or "components"
 * @property {string} location   "request body", "response 200", "query parameter `limit`", ...
 * @property {string} [field]    path inside a schema, e.g. "data.contacts[].email"
 * @property {string} [detail]   the values involved, e.g. "string -> integer"
 */

/** Cosmetic keywords: they reach the generated types as JSDoc at most. */
export const docKeys = new Set([
  "description",
  "summary",
  "title",
  "externalDocs",
  "deprecated",
  "default",
  "xml",
]);
export const exampleKeys = new Set(["example", "examples"]);

/** True for a key that only documents: description, examples, `x-` extensions. */
export function isCosmeticKey(key) {
  return docKeys.has(key) || exampleKeys.has(key) || key.startsWith("x-");
}

export class DiffContext {
  constructor(oldDoc, newDoc) {
    this.docs = { old: oldDoc, new: newDoc };
    /** @type {Change[]} */
    this.changes = [];
    this.group = "API";
    /** component schema names reached from operations, per document */
    this.reached = { old: new Set(), new: new Set() };
  }

  /** Records a change of `rule` seen on `side`. */
  add(rule, side, location, { field, detail } = {}) {
    this.changes.push({
      rule,
      level: levelOf(rule, side),
      group: this.group,
      location,
      ...(field ? { field } : {}),
      ...(detail ? { detail } : {}),
    });
  }

  /** Reports cosmetic and unknown differences of two objects, skipping the keys in `handled`. */
  compareRest(a, b, handled, side, location, field) {
    const keys = new Set([...Object.keys(a ?? {}), ...Object.keys(b ?? {})]);
    const cosmetic = { doc: [], example: [] };
    for (const key of keys) {
      if (handled.has(key) || same(a?.[key], b?.[key])) continue;
      if (exampleKeys.has(key)) cosmetic.example.push(key);
      else if (isCosmeticKey(key)) cosmetic.doc.push(key);
      else this.add("unrecognised-change", side, location, { field, detail: `\`${key}\`` });
    }
    if (cosmetic.doc.length > 0)
      this.add("doc-changed", side, location, { field, detail: cosmetic.doc.join(", ") });
    if (cosmetic.example.length > 0) this.add("example-changed", side, location, { field });
  }

  /**
   * Follows local `$ref`s in one of the documents.
   * @param {"old" | "new"} which
   * @returns {{ value: any, ref?: string }} the target, and the last reference followed
   */
  resolve(which, node) {
    let value = node;
    let ref;
    for (let hops = 0; value && typeof value.$ref === "string" && hops < 32; hops += 1) {
      ref = value.$ref;
      value = pointer(this.docs[which], ref);
    }
    return { value, ref };
  }
}

/** Resolves a local JSON pointer reference ("#/components/schemas/Foo"). */
export function pointer(doc, ref) {
  if (!ref.startsWith("#/")) return undefined;
  return ref
    .slice(2)
    .split("/")
    .map((part) => decodeURIComponent(part).replaceAll("~1", "/").replaceAll("~0", "~"))
    .reduce((node, part) => (node == null ? undefined : node[part]), doc);
}

/** Structural equality of two JSON values. */
export function same(a, b) {
  return JSON.stringify(sortKeys(a)) === JSON.stringify(sortKeys(b));
}

function sortKeys(value) {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((key) => [key, sortKeys(value[key])]),
  );
}
