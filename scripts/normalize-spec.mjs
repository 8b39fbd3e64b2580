// Reads an OpenAPI document, and writes a built spec as the YAML we commit, so that a vendor change
// shows up as a small diff: the committed file is the template, keeping its key order, quoting,
// comments and untouched nodes; only what changed is rewritten. Rendering is idempotent and keeps
// the meaning (specs:build, scripts/specs/build-spec.mjs).
import { isDeepStrictEqual } from "node:util";
import { Document, isMap, isScalar, isSeq, parseDocument } from "yaml";
import { readYaml } from "./specs/read-yaml.mjs";

/** How every spec we write is formatted; `lineWidth` follows the committed file (see styleOf). */
export const yamlOptions = { lineWidth: 80, singleQuote: true, flowCollectionPadding: false };
const lineWidths = [80, 100, 120, 0];

/** An input that is not a usable OpenAPI document; sync-specs rejects it. */
export class SpecError extends Error {}

/** Parses YAML or JSON text into an OpenAPI 3 document, or throws a SpecError saying why not. */
export function parseSpec(text, source) {
  let doc;
  try {
    doc = readYaml(text);
  } catch (error) {
    throw new SpecError(`${source} does not parse as YAML or JSON: ${error.message.split("\n")[0]}`);
  }
  if (doc === null || typeof doc !== "object" || Array.isArray(doc)) {
    throw new SpecError(`${source} is not an OpenAPI document (no top-level mapping)`);
  }
  if (typeof doc.openapi !== "string" || !/^3\.[01]\./.test(doc.openapi)) {
    const found = doc.swagger ? `swagger ${doc.swagger}` : `openapi: ${JSON.stringify(doc.openapi)}`;
    throw new SpecError(`${source} is not an OpenAPI 3.0/3.1 document (${found})`);
  }
  if (!doc.info || typeof doc.info !== "object") throw new SpecError(`${source} has no info object`);
  return doc;
}

/** Renders a document as YAML, reusing the nodes of `previous` (a YAML text) where possible. */
export function renderSpec(doc, previous) {
  const template = previous === undefined ? undefined : parseDocument(previous);
  if (!template || template.errors.length > 0 || !isMap(template.contents)) {
    return new Document(doc).toString(yamlOptions);
  }
  const options = styleOf(previous);
  template.contents = merge(template, template.contents, doc);
  return template.toString(options);
}

/**
 * The formatting options that reproduce `previous` most closely. Note: yaml re-folds long text at
 * its line width, so the committed file's own width (80 for folded blocks, none for long plain
 * lines, ...) keeps a re-render from rewrapping lines the vendor did not touch.
 */
export function styleOf(previous) {
  const committed = new Map();
  for (const line of previous.split("\n")) committed.set(line, (committed.get(line) ?? 0) + 1);
  const parsed = parseDocument(previous);
  let best = { options: yamlOptions, misses: Infinity };
  for (const lineWidth of lineWidths) {
    const options = { ...yamlOptions, lineWidth };
    const left = new Map(committed);
    let misses = 0;
    for (const line of parsed.toString(options).split("\n")) {
      const count = left.get(line) ?? 0;
      if (count > 0) left.set(line, count - 1);
      else misses += 1;
    }
    // Note: lines on either side without a partner count, so unfolding text is no shortcut.
    for (const count of left.values()) misses += count;
    if (misses < best.misses) best = { options, misses };
  }
  return best.options;
}

/** True when two parsed specs mean the same (key order aside). */
export function sameSpec(a, b) {
  return isDeepStrictEqual(a, b);
}

/** Returns a node for `value`, reusing `node` (and its style and comments) where it fits. */
function merge(doc, node, value) {
  if (Array.isArray(value)) return isSeq(node) ? mergeSeq(doc, node, value) : doc.createNode(value);
  if (value !== null && typeof value === "object") {
    return isMap(node) ? mergeMap(doc, node, value) : doc.createNode(value);
  }
  return isScalar(node) && node.value === value ? node : doc.createNode(value);
}

function mergeMap(doc, node, value) {
  const keyOf = (pair) => String(isScalar(pair.key) ? pair.key.value : pair.key);
  node.items = node.items.filter((pair) => Object.hasOwn(value, keyOf(pair)));
  // Note: keys the template has keep their place; a new key goes after its predecessor in `value`.
  let at = -1;
  for (const [key, child] of Object.entries(value)) {
    const index = node.items.findIndex((pair) => keyOf(pair) === key);
    if (index >= 0) {
      node.items[index].value = merge(doc, node.items[index].value, child);
      at = index;
    } else {
      at += 1;
      node.items.splice(at, 0, doc.createPair(key, child));
    }
  }
  return node;
}

/** An element's identity across versions: a parameter by `in`+`name`, a reference by target. */
function identity(value) {
  if (value === null || typeof value !== "object") return JSON.stringify(value);
  if (typeof value.$ref === "string") return `ref:${value.$ref}`;
  if (typeof value.name === "string") return `name:${value.in ?? ""}:${value.name}`;
  return undefined;
}

function mergeSeq(doc, node, value) {
  const old = node.items.map((item) => ({ item, id: identity(item?.toJSON?.() ?? item), used: false }));
  node.items = value.map((child, index) => {
    const id = identity(child);
    let match = old.find((entry) => !entry.used && entry.id !== undefined && entry.id === id);
    if (!match && id === undefined && old[index] && !old[index].used && old[index].id === undefined) {
      match = old[index];
    }
    if (!match) return doc.createNode(child);
    match.used = true;
    return merge(doc, match.item, child);
  });
  return node;
}
