// Compares two versions of a schema, field by field, following `$ref`s into components.
import { same } from "./diff-context.mjs";

const handled = new Set([
  "$ref",
  "type",
  "nullable",
  "format",
  "enum",
  "properties",
  "required",
  "items",
  "additionalProperties",
  "oneOf",
  "anyOf",
  "allOf",
  ...upperBounds(),
  ...lowerBounds(),
  ...otherConstraints(),
]);

function upperBounds() {
  return ["maxLength", "maximum", "maxItems", "maxProperties"];
}
function lowerBounds() {
  return ["minLength", "minimum", "minItems", "minProperties"];
}
function otherConstraints() {
  return ["pattern", "multipleOf", "uniqueItems", "exclusiveMaximum", "exclusiveMinimum"];
}

/**
 * Reports the changes from schema `a` (old document) to `b` (new document).
 * @param {import("./diff-context.mjs").DiffContext} ctx
 * @param {import("./rules.mjs").Side} side
 * @param {string} location where the schema sits, e.g. "response 200"
 * @param {string} [field] the path inside the schema so far
 * @param {Set<string>} [seen] reference pairs already compared (recursive schemas)
 */
export function diffSchema(ctx, a, b, side, location, field = "", seen = new Set()) {
  const left = ctx.resolve("old", a);
  const right = ctx.resolve("new", b);
  if (left.ref) ctx.reached.old.add(left.ref);
  if (right.ref) ctx.reached.new.add(right.ref);
  const pair = `${left.ref}|${right.ref}`;
  if (left.ref && right.ref) {
    if (seen.has(pair)) return;
    seen = new Set(seen).add(pair);
  }
  const x = left.value ?? {};
  const y = right.value ?? {};
  const at = { field: field || undefined };

  diffType(ctx, x, y, side, location, at);
  if (x.format !== y.format) {
    ctx.add("format-changed", side, location, {
      ...at,
      detail: `${x.format ?? "none"} -> ${y.format ?? "none"}`,
    });
  }
  diffEnum(ctx, x, y, side, location, at);
  diffConstraints(ctx, x, y, side, location, at);
  diffProperties(ctx, x, y, side, location, field, seen);
  if (x.items || y.items) diffSchema(ctx, x.items, y.items, side, location, `${field}[]`, seen);
  diffAdditional(ctx, x, y, side, location, field, seen);
  diffVariants(ctx, x, y, side, location, field, seen);
  ctx.compareRest(x, y, handled, side, location, at.field);
}

function typesOf(schema) {
  const types = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
  return {
    types: new Set(types.filter((type) => type !== "null")),
    nullable: schema.nullable === true || types.includes("null"),
  };
}

function diffType(ctx, x, y, side, location, at) {
  const a = typesOf(x);
  const b = typesOf(y);
  const detail = `${[...a.types].join("|") || "any"} -> ${[...b.types].join("|") || "any"}`;
  // Note: TypeScript has one `number`; JSON Schema's integer is a subset of it.
  const within = (small, big) =>
    [...small].every((type) => big.has(type) || (type === "integer" && big.has("number")));
  if (!same([...a.types].sort(), [...b.types].sort())) {
    if (b.types.size === 0 || (a.types.size > 0 && within(a.types, b.types))) {
      ctx.add("type-widened", side, location, { ...at, detail });
    } else if (a.types.size === 0 || within(b.types, a.types)) {
      ctx.add("type-narrowed", side, location, { ...at, detail });
    } else {
      ctx.add("type-changed", side, location, { ...at, detail });
    }
  }
  if (a.nullable !== b.nullable)
    ctx.add(b.nullable ? "nullable-added" : "nullable-removed", side, location, at);
}

function diffEnum(ctx, x, y, side, location, at) {
  const a = Array.isArray(x.enum) ? x.enum : null;
  const b = Array.isArray(y.enum) ? y.enum : null;
  if (!a && !b) return;
  if (!a) return ctx.add("enum-added", side, location, { ...at, detail: list(b) });
  if (!b) return ctx.add("enum-removed", side, location, at);
  const removed = a.filter((value) => !b.some((other) => same(value, other)));
  const added = b.filter((value) => !a.some((other) => same(value, other)));
  if (removed.length > 0) ctx.add("enum-value-removed", side, location, { ...at, detail: list(removed) });
  if (added.length > 0) ctx.add("enum-value-added", side, location, { ...at, detail: list(added) });
}

function list(values) {
  return values.map((value) => JSON.stringify(value)).join(", ");
}

function diffConstraints(ctx, x, y, side, location, at) {
  const tightened = [];
  const loosened = [];
  const sort = (key, tighter) => {
    if (x[key] === y[key]) return;
    (tighter ? tightened : loosened).push(`${key} ${x[key] ?? "none"} -> ${y[key] ?? "none"}`);
  };
  for (const key of upperBounds()) sort(key, (y[key] ?? Infinity) < (x[key] ?? Infinity));
  for (const key of lowerBounds()) sort(key, (y[key] ?? -Infinity) > (x[key] ?? -Infinity));
  // Note: a new or changed pattern, multipleOf, ... may reject what passed before; only removal is safe.
  for (const key of otherConstraints()) if (!same(x[key], y[key])) sort(key, y[key] !== undefined);
  if (tightened.length > 0)
    ctx.add("constraint-tightened", side, location, { ...at, detail: tightened.join(", ") });
  if (loosened.length > 0)
    ctx.add("constraint-loosened", side, location, { ...at, detail: loosened.join(", ") });
}

function diffProperties(ctx, x, y, side, location, field, seen) {
  const a = x.properties ?? {};
  const b = y.properties ?? {};
  const requiredA = new Set(x.required ?? []);
  const requiredB = new Set(y.required ?? []);
  for (const name of new Set([...Object.keys(a), ...Object.keys(b)])) {
    const path = field ? `${field}.${name}` : name;
    if (!(name in b)) {
      ctx.add("property-removed", side, location, { field: path });
    } else if (!(name in a)) {
      ctx.add(requiredB.has(name) ? "property-added-required" : "property-added-optional", side, location, {
        field: path,
      });
    } else {
      if (requiredA.has(name) !== requiredB.has(name)) {
        const rule = requiredB.has(name) ? "property-became-required" : "property-became-optional";
        ctx.add(rule, side, location, { field: path });
      }
      diffSchema(ctx, a[name], b[name], side, location, path, seen);
    }
  }
}

function diffAdditional(ctx, x, y, side, location, field, seen) {
  const a = x.additionalProperties;
  const b = y.additionalProperties;
  if (same(a, b)) return;
  if (a && b && typeof a === "object" && typeof b === "object") {
    return diffSchema(ctx, a, b, side, location, `${field}{*}`, seen);
  }
  // Note: openapi-typescript adds an index signature for `true` or a schema, none when absent.
  const open = (value) => value === true || (typeof value === "object" && value !== null);
  if (open(a) === open(b)) return;
  const rule = open(b) ? "type-widened" : "type-narrowed";
  ctx.add(rule, side, location, { field: field || undefined, detail: "additionalProperties" });
}

/** Branches keyed by identity across versions: a reference by target, else by type (and rank). */
function keyed(variants) {
  const counts = new Map();
  return new Map(
    (variants ?? []).map((variant) => {
      const base = variant?.$ref ?? `type ${[].concat(variant?.type ?? "any").join("|")}`;
      const count = counts.get(base) ?? 0;
      counts.set(base, count + 1);
      return [count === 0 ? base : `${base} #${count + 1}`, variant];
    }),
  );
}

function diffVariants(ctx, x, y, side, location, field, seen) {
  const at = { field: field || undefined };
  // Note: a oneOf variant added lets more shapes through (widens); an allOf member added narrows.
  const groups = [
    { a: x.oneOf ?? x.anyOf, b: y.oneOf ?? y.anyOf, added: "variant-added", removed: "variant-removed" },
    { a: x.allOf, b: y.allOf, added: "type-narrowed", removed: "type-widened" },
  ];
  for (const { a, b, added, removed } of groups) {
    if (!a && !b) continue;
    const left = keyed(a);
    const right = keyed(b);
    for (const [key, variant] of left) {
      if (right.has(key)) diffSchema(ctx, variant, right.get(key), side, location, field, seen);
      else ctx.add(removed, side, location, { ...at, detail: `${key} removed` });
    }
    for (const key of right.keys()) {
      if (!left.has(key)) ctx.add(added, side, location, { ...at, detail: `${key} added` });
    }
  }
  if (x.anyOf && y.oneOf) ctx.add("type-narrowed", side, location, { ...at, detail: "anyOf -> oneOf" });
  if (x.oneOf && y.anyOf) ctx.add("type-widened", side, location, { ...at, detail: "oneOf -> anyOf" });
}
