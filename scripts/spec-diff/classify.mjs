// Compares two versions of an OpenAPI 3 document and classifies every change as breaking, additive
// or cosmetic (rules.mjs), grouped by operation. Local `$ref`s are followed; the documents must be
// single files (our vendored specs are).

import { eachOperation } from "../specs/operations.mjs";
import { DiffContext, same } from "./diff-context.mjs";
import { diffOperation, diffSecurity } from "./operation-diff.mjs";
import { bumpFor } from "./rules.mjs";
import { diffSchema } from "./schema-diff.mjs";

const rootKeys = new Set(["paths", "webhooks", "components", "security", "servers", "info", "tags"]);

/**
 * @returns {{ changes: import("./diff-context.mjs").Change[], bump: "major" | "minor" | "patch" | null }}
 */
export function classifyChanges(oldDoc, newDoc) {
  const ctx = new DiffContext(oldDoc, newDoc);
  diffServers(ctx, oldDoc.servers ?? [], newDoc.servers ?? []);
  diffSecurity(ctx, oldDoc.security, newDoc.security, "security");
  diffSecuritySchemes(
    ctx,
    oldDoc.components?.securitySchemes ?? {},
    newDoc.components?.securitySchemes ?? {},
  );
  const info = new Set([...Object.keys(oldDoc.info ?? {}), ...Object.keys(newDoc.info ?? {})]);
  const changedInfo = [...info].filter((key) => !same(oldDoc.info?.[key], newDoc.info?.[key]));
  if (changedInfo.length > 0) ctx.add("doc-changed", "both", "info", { detail: changedInfo.join(", ") });
  if (!same(oldDoc.tags, newDoc.tags)) ctx.add("doc-changed", "both", "tags");
  ctx.compareRest(oldDoc, newDoc, rootKeys, "both", "document");
  diffOperations(ctx, operations(oldDoc.paths), operations(newDoc.paths), {});
  diffOperations(ctx, operations(oldDoc.webhooks, "WEBHOOK"), operations(newDoc.webhooks, "WEBHOOK"), {
    webhook: true,
  });
  diffComponents(ctx, oldDoc.components ?? {}, newDoc.components ?? {});
  return { changes: ctx.changes, bump: bumpFor(ctx.changes) };
}

/**
 * The operations of `paths` (or `webhooks`), keyed so that renaming a path parameter is not a new
 * operation: "GET /contacts/{}".
 */
function operations(paths = {}, prefix = "") {
  const result = new Map();
  for (const { path, method, operation: op, pathItem } of eachOperation(paths)) {
    const name = `${prefix ? `${prefix} ` : ""}${method.toUpperCase()} ${path}`;
    const label = op.operationId ? `${name} (${op.operationId})` : name;
    result.set(`${prefix}${method} ${path.replace(/\{[^}]*\}/g, "{}")}`, { op, pathItem, label });
  }
  return result;
}

function diffOperations(ctx, a, b, options) {
  for (const [key, old] of a) {
    ctx.group = b.get(key)?.label ?? old.label;
    if (b.has(key)) diffOperation(ctx, old, b.get(key), options);
    else ctx.add("operation-removed", "request", "operation");
  }
  for (const [key, added] of b) {
    ctx.group = added.label;
    if (!a.has(key)) ctx.add("operation-added", "request", "operation");
  }
  ctx.group = "API";
}

function diffServers(ctx, a, b) {
  const urls = (servers) => new Set(servers.map((server) => server.url));
  const before = urls(a);
  const after = urls(b);
  for (const url of before)
    if (!after.has(url)) ctx.add("server-removed", "request", "servers", { detail: url });
  for (const url of after)
    if (!before.has(url)) ctx.add("server-added", "request", "servers", { detail: url });
}

function diffSecuritySchemes(ctx, a, b) {
  for (const name of new Set([...Object.keys(a), ...Object.keys(b)])) {
    const location = `security scheme \`${name}\``;
    if (!(name in b)) ctx.add("security-scheme-removed", "request", location);
    else if (!(name in a)) ctx.add("security-scheme-added", "request", location);
    else {
      const x = ctx.resolve("old", a[name]).value ?? {};
      const y = ctx.resolve("new", b[name]).value ?? {};
      const keys = new Set([...Object.keys(x), ...Object.keys(y)]);
      const changed = [...keys].filter(
        (key) => key !== "description" && !key.startsWith("x-") && !same(x[key], y[key]),
      );
      if (changed.length > 0)
        ctx.add("security-scheme-changed", "request", location, { detail: changed.join(", ") });
      if (x.description !== y.description)
        ctx.add("doc-changed", "request", location, { detail: "description" });
    }
  }
}

/** Named components: added or removed ones, and schemas that no operation reaches. */
function diffComponents(ctx, a, b) {
  ctx.group = "components";
  for (const section of new Set([...Object.keys(a), ...Object.keys(b)])) {
    if (section === "securitySchemes") continue;
    const x = a[section] ?? {};
    const y = b[section] ?? {};
    if (typeof x !== "object" || typeof y !== "object") continue;
    for (const name of new Set([...Object.keys(x), ...Object.keys(y)])) {
      const location = `${section}/${name}`;
      if (section === "examples") {
        if (!same(x[name], y[name])) ctx.add("example-changed", "both", location);
      } else if (!(name in y)) ctx.add("component-removed", "both", location);
      else if (!(name in x)) ctx.add("component-added", "both", location);
      else if (section === "schemas") {
        const ref = `#/components/schemas/${name}`;
        // Note: a schema an operation reaches was compared there, from the side that uses it.
        if (!ctx.reached.old.has(ref) && !ctx.reached.new.has(ref))
          diffSchema(ctx, x[name], y[name], "both", location);
      }
    }
  }
  ctx.group = "API";
}
