// Compares two versions of one operation: parameters, request body, responses and authentication.
import { same } from "./diff-context.mjs";
import { diffSchema } from "./schema-diff.mjs";

const operationKeys = new Set([
  "operationId",
  "parameters",
  "requestBody",
  "responses",
  "security",
  "callbacks",
]);
const parameterKeys = new Set(["name", "in", "required", "schema"]);

/**
 * @param {import("./diff-context.mjs").DiffContext} ctx
 * @param {{ op: any, pathItem: any }} a the old operation and its path item
 * @param {{ op: any, pathItem: any }} b the new one
 * @param {{ webhook?: boolean }} [options] a webhook's body is received, its response is sent
 */
export function diffOperation(ctx, a, b, { webhook = false } = {}) {
  const sends = webhook ? "response" : "request";
  const receives = webhook ? "request" : "response";
  if (a.op.operationId !== b.op.operationId) {
    ctx.add("operation-id-changed", sends, "operation", {
      detail: `${a.op.operationId} -> ${b.op.operationId}`,
    });
  }
  diffParameters(ctx, parameters(ctx, "old", a), parameters(ctx, "new", b), sends);
  diffRequestBody(ctx, a.op.requestBody, b.op.requestBody, sends);
  diffResponses(ctx, a.op.responses ?? {}, b.op.responses ?? {}, receives);
  if (a.op.security || b.op.security) {
    diffSecurity(
      ctx,
      a.op.security ?? ctx.docs.old.security,
      b.op.security ?? ctx.docs.new.security,
      "operation",
    );
  }
  ctx.compareRest(a.op, b.op, operationKeys, sends, "operation");
}

/** The operation's effective parameters (path-level ones included), keyed by `in` and `name`. */
function parameters(ctx, which, { op, pathItem }) {
  const byKey = new Map();
  for (const node of [...(pathItem.parameters ?? []), ...(op.parameters ?? [])]) {
    const { value } = ctx.resolve(which, node);
    if (value?.name) byKey.set(`${value.in} ${value.name}`, value);
  }
  return byKey;
}

const label = (param) => `${param.in} parameter \`${param.name}\``;

function diffParameters(ctx, a, b, side) {
  const removed = [...a.keys()].filter((key) => !b.has(key)).map((key) => a.get(key));
  const added = [...b.keys()].filter((key) => !a.has(key)).map((key) => b.get(key));
  for (const old of removed) {
    // Note: same name in another location is a move; same location, same schema is a rename.
    const moved = added.find((param) => param.name === old.name);
    const renamed = moved ? undefined : added.find((p) => p.in === old.in && same(p.schema, old.schema));
    const match = moved ?? renamed;
    if (match) {
      added.splice(added.indexOf(match), 1);
      const rule = moved ? "parameter-location-changed" : "parameter-renamed";
      ctx.add(rule, side, label(match), { detail: `was ${label(old)}` });
    } else {
      ctx.add("parameter-removed", side, label(old));
    }
  }
  for (const param of added) {
    ctx.add(param.required ? "parameter-added-required" : "parameter-added-optional", side, label(param));
  }
  for (const [key, old] of a) {
    const param = b.get(key);
    if (!param) continue;
    if (Boolean(old.required) !== Boolean(param.required)) {
      ctx.add(param.required ? "parameter-became-required" : "parameter-became-optional", side, label(param));
    }
    diffSchema(ctx, old.schema, param.schema, side, label(param));
    ctx.compareRest(old, param, parameterKeys, side, label(param));
  }
}

function diffRequestBody(ctx, nodeA, nodeB, side) {
  const a = ctx.resolve("old", nodeA).value;
  const b = ctx.resolve("new", nodeB).value;
  if (!a && !b) return;
  if (!b) return ctx.add("request-body-removed", side, "request body");
  if (!a)
    return ctx.add(
      b.required ? "request-body-added-required" : "request-body-added-optional",
      side,
      "request body",
    );
  if (Boolean(a.required) !== Boolean(b.required)) {
    ctx.add(
      b.required ? "request-body-became-required" : "request-body-became-optional",
      side,
      "request body",
    );
  }
  diffContent(ctx, a.content, b.content, side, "request body");
  ctx.compareRest(a, b, new Set(["content", "required"]), side, "request body");
}

function diffContent(ctx, a = {}, b = {}, side, location) {
  for (const type of new Set([...Object.keys(a), ...Object.keys(b)])) {
    if (!(type in b)) ctx.add("media-type-removed", side, location, { detail: type });
    else if (!(type in a)) ctx.add("media-type-added", side, location, { detail: type });
    else {
      diffSchema(ctx, a[type].schema, b[type].schema, side, location);
      ctx.compareRest(a[type], b[type], new Set(["schema"]), side, location);
    }
  }
}

function diffResponses(ctx, a, b, side) {
  for (const status of new Set([...Object.keys(a), ...Object.keys(b)])) {
    const location = `response ${status}`;
    if (!(status in b)) ctx.add("response-removed", side, location);
    else if (!(status in a)) ctx.add("response-added", side, location);
    else {
      const x = ctx.resolve("old", a[status]).value ?? {};
      const y = ctx.resolve("new", b[status]).value ?? {};
      diffContent(ctx, x.content, y.content, side, location);
      diffHeaders(ctx, x.headers ?? {}, y.headers ?? {}, side, location);
      ctx.compareRest(x, y, new Set(["content", "headers"]), side, location);
    }
  }
}

function diffHeaders(ctx, a, b, side, location) {
  for (const name of new Set([...Object.keys(a), ...Object.keys(b)])) {
    const field = `header ${name}`;
    if (!(name in b)) ctx.add("property-removed", side, location, { field });
    else if (!(name in a)) {
      const header = ctx.resolve("new", b[name]).value;
      ctx.add(header?.required ? "property-added-required" : "property-added-optional", side, location, {
        field,
      });
    } else {
      const x = ctx.resolve("old", a[name]).value ?? {};
      const y = ctx.resolve("new", b[name]).value ?? {};
      diffSchema(ctx, x.schema, y.schema, side, location, field);
    }
  }
}

/** A security requirement as text: "bearerAuth" or "oauth[read,write]+apiKey". */
function requirements(list) {
  // Note: no requirement at all means anonymous access, the same as an empty requirement `{}`.
  if (!list || list.length === 0) return new Set(["none"]);
  return new Set(
    list.map(
      (requirement) =>
        Object.entries(requirement)
          .map(([name, scopes]) => (scopes?.length ? `${name}[${[...scopes].sort().join(",")}]` : name))
          .sort()
          .join("+") || "none",
    ),
  );
}

/** Compares two security requirement lists (alternatives). */
export function diffSecurity(ctx, a, b, location) {
  const before = requirements(a);
  const after = requirements(b);
  const lost = [...before].filter((requirement) => !after.has(requirement));
  const gained = [...after].filter((requirement) => !before.has(requirement));
  if (lost.length > 0) {
    const detail = `${[...before].join(" or ")} -> ${[...after].join(" or ")}`;
    ctx.add("security-changed", "request", location, { detail });
  } else if (gained.length > 0) {
    ctx.add("security-alternative-added", "request", location, { detail: gained.join(" or ") });
  }
}
