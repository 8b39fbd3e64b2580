// After the overlay: what the vendor's documents bring that we do not ship goes. An operation ships
// when the overlay gives it its `x-cxkit-source` (where its shape comes from); every other operation
// is dropped, and so are path items left empty and upstream components that nothing shipped refers
// to. A component the overlay added is kept even when unreferenced (a webhook payload, say).
import { eachOperation, HTTP_METHODS } from "./operations.mjs";

/** The names of every component in a document, as `section/name`. */
export function componentNames(doc) {
  return new Set(
    Object.entries(doc?.components ?? {}).flatMap(([section, items]) =>
      items && typeof items === "object" ? Object.keys(items).map((name) => `${section}/${name}`) : [],
    ),
  );
}

function refsIn(node, found = new Set()) {
  if (node === null || typeof node !== "object") return found;
  if (typeof node.$ref === "string" && node.$ref.startsWith("#/components/")) {
    found.add(node.$ref.slice("#/components/".length).split("/").map(decodeURIComponent).join("/"));
  }
  for (const child of Object.values(node)) refsIn(child, found);
  return found;
}

/**
 * Removes, in place, operations without `x-cxkit-source`, path items without operations and the
 * `fromUpstream` components nothing reaches.
 * @param {any} doc the document after the overlay
 * @param {Set<string>} fromUpstream `section/name` of the components the upstream documents had
 * @returns {string[]} what was removed (`get /path`, `paths//path`, `schemas/Name`, ...)
 */
export function prune(doc, fromUpstream) {
  const removed = [];
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    for (const method of HTTP_METHODS) {
      if (item?.[method] && !item[method]["x-cxkit-source"]) {
        delete item[method];
        removed.push(`${method} ${path}`);
      }
    }
    if (!HTTP_METHODS.some((method) => item?.[method])) {
      delete doc.paths[path];
      removed.push(`paths/${path}`);
    }
  }
  const { components = {}, ...rest } = doc;
  // Note: roots are everything outside components, plus the components the overlay brought in.
  const reached = refsIn(rest);
  for (const name of componentNames(doc)) if (!fromUpstream.has(name)) reached.add(name);
  const queue = [...reached];
  while (queue.length > 0) {
    const [section, key] = splitName(queue.pop());
    for (const ref of refsIn(components[section]?.[key])) {
      if (!reached.has(ref)) {
        reached.add(ref);
        queue.push(ref);
      }
    }
  }
  const schemes = new Set((doc.security ?? []).flatMap((requirement) => Object.keys(requirement)));
  for (const { operation } of eachOperation(doc.paths)) {
    for (const requirement of operation.security ?? [])
      for (const key of Object.keys(requirement)) schemes.add(key);
  }
  for (const name of fromUpstream) {
    const [section, key] = splitName(name);
    if (!components[section] || !(key in components[section]) || reached.has(name)) continue;
    if (section === "securitySchemes" && schemes.has(key)) continue;
    delete components[section][key];
    removed.push(name);
  }
  for (const [section, items] of Object.entries(components)) {
    if (items && typeof items === "object" && Object.keys(items).length === 0) delete components[section];
  }
  return removed;
}

function splitName(name) {
  const at = name.indexOf("/");
  return [name.slice(0, at), name.slice(at + 1)];
}
