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
  const [first, ...others] = documents;
  if (!first) throw new SpecError("no upstream documents");
  const merged = structuredClone(first.doc);
  const owner = new Map();
  const claim = (key, file) => owner.get(key) ?? (owner.set(key, file), file);
  for (const [path, item] of Object.entries(merged.paths ?? {})) for (const method of Object.keys(item)) claim(`paths ${path} ${method}`, first.file);
  for (const [section, items] of Object.entries(merged.components ?? {})) for (const name of Object.keys(items ?? {})) claim(`${section}/${name}`, first.file);
  for (const { file, doc } of others) {
    for (const [path, item] of Object.entries(doc.paths ?? {})) {
      merged.paths ??= {};
      merged.paths[path] ??= {};
      for (const [key, value] of Object.entries(item ?? {})) {
        const existing = merged.paths[path][key];
        if (existing !== undefined && !isDeepStrictEqual(existing, value)) {
          throw new SpecError(`${file} and ${claim(`paths ${path} ${key}`, file)} both define ${key} of ${path}, differently`);
        }
        merged.paths[path][key] = structuredClone(value);
        claim(`paths ${path} ${key}`, file);
      }
    }
    for (const [section, items] of Object.entries(doc.components ?? {})) {
      merged.components ??= {};
      merged.components[section] ??= {};
      for (const [name, value] of Object.entries(items ?? {})) {
        const existing = merged.components[section][name];
        if (existing !== undefined && !isDeepStrictEqual(existing, value)) {
          throw new SpecError(`${file} and ${claim(`${section}/${name}`, file)} both define components.${section}.${name}, differently`);
        }
        merged.components[section][name] = structuredClone(value);
        claim(`${section}/${name}`, file);
      }
    }
  }
  return merged;
}
