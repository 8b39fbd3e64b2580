// What changed in the vendor's documents outside what we ship: operations the vendor added, changed
// or removed that no overlay action ships. sync-specs lists them; nothing is generated from them.
import { classifyChanges } from "../spec-diff/classify.mjs";

/**
 * @param {any} before the vendor's merged documents as last retrieved
 * @param {any} after the vendor's merged documents as fetched now
 * @param {Set<string>} shipped the vendor operations we ship, as `method path`
 * @returns {{ label: string, kind: "added" | "removed" | "changed", changes: any[] }[]}
 */
export function unshippedChanges(before, after, shipped) {
  const byOperation = new Map();
  for (const change of classifyChanges(before, after).changes) {
    const match = /^([A-Z]+) (\S+)/.exec(change.group);
    if (!match || match[1] === "WEBHOOK") continue;
    const [, method, path] = match;
    if (shipped.has(`${method.toLowerCase()} ${path}`)) continue;
    if (!byOperation.has(change.group)) byOperation.set(change.group, []);
    byOperation.get(change.group).push(change);
  }
  return [...byOperation].map(([label, changes]) => ({
    label,
    kind: changes.some((change) => change.rule === "operation-added")
      ? "added"
      : changes.some((change) => change.rule === "operation-removed")
        ? "removed"
        : "changed",
    changes,
  }));
}
