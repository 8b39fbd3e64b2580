// Our recorded fixes to vendor specs: each one rewrites a shape that our tools mishandle into one
// that means the same. `pnpm sync-specs` applies them to every spec it brings in.

/**
 * @typedef {{ id: string, summary: string, apply: (doc: any) => string[] }} SpecFix
 * `apply` rewrites the document in place and returns the JSON pointers it changed.
 */

/** Calls `visit(node, pointer)` on every object in the document, parents before children. */
function walk(node, pointer, visit) {
  if (node === null || typeof node !== "object") return;
  if (!Array.isArray(node)) visit(node, pointer);
  for (const [key, child] of Object.entries(node)) {
    walk(child, `${pointer}/${String(key).replaceAll("~", "~0").replaceAll("/", "~1")}`, visit);
  }
}

/** @type {SpecFix} */
export const nullableBesideComposition = {
  id: "nullable-beside-composition",
  summary:
    "`nullable: true` beside `anyOf`/`oneOf` with no `type` moves onto the branches " +
    "(JSON-schema validators throw on the original, and Prism then skips body validation)",
  apply(doc) {
    const changed = [];
    walk(doc, "", (schema, pointer) => {
      if (schema.nullable !== true || "type" in schema || "$ref" in schema) return;
      const keyword = Array.isArray(schema.anyOf) ? "anyOf" : Array.isArray(schema.oneOf) ? "oneOf" : null;
      if (!keyword) return;
      /** @type {any[]} */
      const branches = schema[keyword];
      // Note: a branch can carry `nullable` only with a `type`; siblings of `$ref` are ignored in 3.0.
      const typed = branches.filter((branch) => branch && typeof branch === "object" && "type" in branch);
      // Note: null must match exactly one branch of a `oneOf`, so only the first typed branch gets it.
      const targets = keyword === "oneOf" ? typed.slice(0, 1) : typed;
      if (targets.length === 0) {
        branches.push({ type: "string", nullable: true, enum: [null] });
      } else {
        for (const branch of targets) branch.nullable = true;
      }
      delete schema.nullable;
      changed.push(pointer);
    });
    return changed;
  },
};

/** Every recorded fix, in the order they run. */
export const specFixes = [nullableBesideComposition];

/**
 * Applies the recorded fixes to a parsed spec in place.
 * @returns {{ id: string, summary: string, pointers: string[] }[]} the fixes that changed something
 */
export function applySpecFixes(doc, fixes = specFixes) {
  return fixes
    .map((fix) => ({ id: fix.id, summary: fix.summary, pointers: fix.apply(doc) }))
    .filter((result) => result.pointers.length > 0);
}
