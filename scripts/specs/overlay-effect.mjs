// What an overlay action would change, read without the engine: the values at its targets, whether
// it changes anything at all (a stale correction), and what of the vendor's document it removes or
// overwrites (so sync-specs can say when the vendor changed something a correction overrides).
import { isDeepStrictEqual } from "node:util";

/** The value at an RFC 9535 normalized path (`$['a'][0]`), read without the engine. */
export function valueAt(doc, normalized) {
  let node = doc;
  for (const [, key, index] of normalized.matchAll(/\['((?:[^'\\]|\\.)*)'\]|\[(\d+)\]/g)) {
    node = node?.[index === undefined ? key.replace(/\\(.)/g, "$1") : Number(index)];
  }
  return node;
}

/** True when an update (or copy) at `path` leaves the document as it was before the last remove. */
export function changesNothing(doc, path, incoming, taken) {
  const target = valueAt(doc, path);
  if (incoming === null || typeof incoming !== "object" || Array.isArray(incoming) || taken.size === 0) {
    return mergeChangesNothing(target, incoming);
  }
  return Object.entries(incoming).every(([key, value]) => {
    const child = `${path}['${String(key).replaceAll("\\", "\\\\").replaceAll("'", "\\'")}']`;
    return taken.has(child)
      ? isDeepStrictEqual(taken.get(child), value)
      : mergeChangesNothing(target, { [key]: value });
  });
}

export function isPlainObject(value) {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/** True when merging `update` into `target` (Overlay rules: objects merge, arrays append) changes nothing. */
function mergeChangesNothing(target, update) {
  if (Array.isArray(update)) return update.length === 0;
  if (update === null || typeof update !== "object") return isDeepStrictEqual(target, update);
  if (target === null || typeof target !== "object" || Array.isArray(target)) return false;
  return Object.entries(update).every(([key, value]) =>
    Array.isArray(value)
      ? isDeepStrictEqual(target[key], value)
      : key in target && mergeChangesNothing(target[key], value),
  );
}

/**
 * What the document says where an action removes or overwrites it (undefined for a copy, which takes
 * the vendor's content). Arrays an update appends to are not overwritten.
 */
export function overriddenValues(doc, targets, action) {
  if (typeof action.copy === "string") return undefined;
  return targets.map((path) =>
    action.remove ? valueAt(doc, path) : overwrittenBy(valueAt(doc, path), action.update),
  );
}

/**
 * Overridden values as one JSON text, each local `$ref` followed once, unless its component reaches
 * the built spec anyway (`flows`, as `schemas/Name`): then a change to it shows in the spec's own diff.
 * Note: so a change to a vendor schema that only the overridden part refers to (a union member a
 * correction drops, say) counts as a change under that correction.
 */
export function describeOverridden(values, vendor, flows) {
  const seen = new Set();
  return JSON.stringify(values, (_key, value) => {
    if (!isPlainObject(value) || typeof value.$ref !== "string" || !value.$ref.startsWith("#/components/")) {
      return value;
    }
    const name = value.$ref.slice("#/components/".length).replaceAll("~1", "/").replaceAll("~0", "~");
    if (seen.has(name) || flows.has(name)) return value;
    seen.add(name);
    const [section, key] = [name.slice(0, name.indexOf("/")), name.slice(name.indexOf("/") + 1)];
    return { $ref: value.$ref, is: vendor?.components?.[section]?.[key] ?? null };
  });
}

function overwrittenBy(target, update) {
  if (!isPlainObject(update) || !isPlainObject(target)) return Array.isArray(update) ? null : target;
  const taken = {};
  for (const [key, value] of Object.entries(update)) {
    if (!(key in target) || Array.isArray(value)) continue;
    taken[key] =
      isPlainObject(value) && isPlainObject(target[key]) ? overwrittenBy(target[key], value) : target[key];
  }
  return taken;
}
