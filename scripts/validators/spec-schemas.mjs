// What the response validators are compiled from: each operation's JSON 2xx schemas, the webhook
// payload schemas, and the spec prepared for Ajv (docs stripped, refs absolute, extra fields caught).
import { eachOperation } from "../specs/operations.mjs";

const DOC_KEYWORDS = new Set(["description", "example", "examples", "title", "externalDocs"]);

/** Escapes one JSON pointer segment. */
export function escapePointer(segment) {
  return String(segment).replaceAll("~", "~0").replaceAll("/", "~1");
}

/** The response schemas to validate: `"METHOD /path"` -> operation id, and status -> schema pointer. */
export function responseSchemas(spec) {
  const operations = {};
  for (const { path, method, operation } of eachOperation(spec.paths)) {
    const statuses = {};
    for (const [status, declared] of Object.entries(operation.responses ?? {})) {
      if (!/^2\d\d$/.test(status)) continue;
      let pointer = `#/paths/${escapePointer(path)}/${method}/responses/${status}`;
      let response = declared;
      if (typeof response.$ref === "string") {
        pointer = response.$ref;
        response = resolve(spec, pointer);
      }
      const type = Object.keys(response.content ?? {}).find((name) => /\bjson\b/.test(name));
      if (type && response.content[type].schema) {
        statuses[status] = `${pointer}/content/${escapePointer(type)}/schema`;
      }
    }
    if (Object.keys(statuses).length > 0) {
      operations[`${method.toUpperCase()} ${path}`] = { operationId: operation.operationId, statuses };
    }
  }
  return operations;
}

/** The webhook payloads the vendor sends: component schemas named `...Webhook`. */
export function payloadSchemas(spec) {
  return Object.keys(spec.components?.schemas ?? {})
    .filter((name) => name.endsWith("Webhook"))
    .map((name) => [name, `#/components/schemas/${escapePointer(name)}`]);
}

/** Resolves a local JSON pointer (`#/a/b`). */
export function resolve(spec, pointer) {
  return pointer
    .slice(2)
    .split("/")
    .map((segment) => segment.replaceAll("~1", "/").replaceAll("~0", "~"))
    .reduce((node, segment) => node?.[segment], spec);
}

/**
 * The spec as Ajv compiles it, under `$id: "spec"`: doc keywords stripped (so the compiled code does
 * not carry them), `#/...` refs made `spec#/...`, and `additionalProperties: false` added to every object
 * schema that lists its properties and says nothing about others, so an extra field is an error whose
 * keyword says it is additive. Note: members of `allOf`, and of `anyOf`/`oneOf` without a discriminator,
 * are left open: closing them would fail the composition itself, not just name the extra field.
 */
export function prepareSpec(spec) {
  const copy = structuredClone({ components: spec.components ?? {}, paths: spec.paths ?? {} });
  const open = openMembers(copy);
  const visit = (schema, name) => {
    if (!isObject(schema)) return;
    for (const key of Object.keys(schema)) {
      if (DOC_KEYWORDS.has(key) || key.startsWith("x-")) delete schema[key];
    }
    if (typeof schema.$ref === "string") schema.$ref = `spec${schema.$ref}`;
    // Note: Ajv reads the mapping from each member's `const`/`enum` tag and refuses an explicit one.
    if (isObject(schema.discriminator))
      schema.discriminator = { propertyName: schema.discriminator.propertyName };
    const composed = schema.allOf || schema.anyOf || schema.oneOf;
    if (
      isObject(schema.properties) &&
      schema.additionalProperties === undefined &&
      !composed &&
      !open.has(schema) &&
      !(name && open.has(name))
    ) {
      schema.additionalProperties = false;
    }
    for (const child of Object.values(schema.properties ?? {})) visit(child);
    for (const key of ["items", "additionalProperties", "not"]) visit(schema[key]);
    for (const key of ["allOf", "anyOf", "oneOf"]) for (const member of schema[key] ?? []) visit(member);
  };
  for (const [name, schema] of Object.entries(copy.components.schemas ?? {})) visit(schema, name);
  for (const response of Object.values(copy.components.responses ?? {})) {
    for (const media of Object.values(response.content ?? {})) visit(media.schema);
  }
  for (const { method, operation, pathItem } of eachOperation(copy.paths)) {
    for (const response of Object.values(operation.responses ?? {})) {
      if (typeof response.$ref === "string") continue;
      for (const media of Object.values(response.content ?? {})) visit(media.schema);
    }
    // Note: only responses are validated; requests are ours, and checked by the types.
    pathItem[method] = { responses: operation.responses };
  }
  return { $id: "spec", ...copy };
}

/** Schemas (objects, and component names) that stay open because a composition uses them. */
function openMembers(doc) {
  const open = new Set();
  const walk = (node) => {
    if (Array.isArray(node)) {
      for (const item of node) walk(item);
      return;
    }
    if (!isObject(node)) return;
    const members = [
      ...(node.allOf ?? []),
      ...(node.discriminator ? [] : [...(node.anyOf ?? []), ...(node.oneOf ?? [])]),
    ];
    for (const member of members) {
      if (typeof member?.$ref === "string") open.add(member.$ref.replace("#/components/schemas/", ""));
      else if (isObject(member)) open.add(member);
    }
    for (const value of Object.values(node)) walk(value);
  };
  walk(doc);
  return open;
}

function isObject(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
