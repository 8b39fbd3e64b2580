// Merges a vendor's upstream OpenAPI documents into one (Alpharun publishes one small document per
// endpoint page). The first document gives `openapi`, `info`, `servers` and `security`; paths and
// components are united. Two documents that define the same operation or the same component
// differently are an error naming both, never a silent pick.
import { isDeepStrictEqual } from "node:util";
import { SpecError } from "../normalize-spec.mjs";

/**
 * @param {{ file: string, doc: any }[]} documents parsed upstream documents, in manifest order
 * @returns {any} one document (the inputs are not modified)
 */
export function mergeUpstream(documents) {
  const [first] = documents;
  if (!first) throw new SpecError("no upstream documents");
  const merged = structuredClone(first.doc);
  /** Which file defined each `paths/<path>/<key>` and `components/<section>/<name>`. */
  const owners = new Map();
  const unite = (into, from, label, file) => {
    for (const [key, value] of Object.entries(from ?? {})) {
      const where = `${label}/${key}`;
      if (into[key] !== undefined && !isDeepStrictEqual(into[key], value)) {
        throw new SpecError(`${file} and ${owners.get(where)} both define ${where}, differently`);
      }
      into[key] = structuredClone(value);
      if (!owners.has(where)) owners.set(where, file);
    }
  };
  for (const { file, doc } of documents) {
    for (const [path, item] of Object.entries(doc.paths ?? {})) {
      merged.paths ??= {};
      merged.paths[path] ??= {};
      unite(merged.paths[path], item, `paths/${path}`, file);
    }
    for (const [section, items] of Object.entries(doc.components ?? {})) {
      merged.components ??= {};
      merged.components[section] ??= {};
      unite(merged.components[section], items, `components/${section}`, file);
    }
  }
  return merged;
}
