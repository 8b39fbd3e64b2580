// The classification rules: every change the spec diff can report, and how it is classified.
// A rule is one level, or one level per side: "request" is what the client sends (parameters,
// request bodies, the replies to webhooks), "response" is what it receives (responses, webhook
// payloads). Narrowing what the client may send breaks callers; widening what it may receive
// breaks readers. A schema no operation reaches is judged on both sides: the stricter level wins.

/** @typedef {"breaking" | "additive" | "cosmetic"} Level */
/** @typedef {"request" | "response" | "both"} Side */

const B = "breaking";
const A = "additive";
const C = "cosmetic";

/** @type {Record<string, { summary: string, level?: Level, request?: Level, response?: Level }>} */
export const rules = {
  // The API as a whole and its authentication.
  "server-added": { level: A, summary: "server added" },
  "server-removed": { level: B, summary: "server removed or its URL changed" },
  "security-changed": {
    level: B,
    summary: "authentication changed: an accepted scheme is no longer accepted",
  },
  "security-alternative-added": { level: A, summary: "another way to authenticate is accepted" },
  "security-scheme-added": { level: A, summary: "security scheme added" },
  "security-scheme-removed": { level: B, summary: "security scheme removed" },
  "security-scheme-changed": { level: B, summary: "security scheme changed" },
  // Operations.
  "operation-added": { level: A, summary: "operation added" },
  "operation-removed": { level: B, summary: "operation removed" },
  "operation-id-changed": { level: B, summary: "operationId changed" },
  // Parameters.
  "parameter-added-optional": { level: A, summary: "optional parameter added" },
  "parameter-added-required": { level: B, summary: "required parameter added" },
  "parameter-removed": { level: B, summary: "parameter removed" },
  "parameter-renamed": { level: B, summary: "parameter renamed" },
  "parameter-location-changed": { level: B, summary: "parameter moved to another location" },
  "parameter-became-required": { level: B, summary: "parameter is now required" },
  "parameter-became-optional": { level: A, summary: "parameter is now optional" },
  // Request bodies, responses and media types.
  "request-body-added-optional": { level: A, summary: "optional request body added" },
  "request-body-added-required": { level: B, summary: "required request body added" },
  "request-body-removed": { level: B, summary: "request body removed" },
  "request-body-became-required": { level: B, summary: "request body is now required" },
  "request-body-became-optional": { level: A, summary: "request body is now optional" },
  "media-type-added": { level: A, summary: "media type added" },
  "media-type-removed": { level: B, summary: "media type removed" },
  "response-added": { level: A, summary: "response status added" },
  "response-removed": { level: B, summary: "response status removed" },
  // Schemas: fields (object properties and response headers).
  "property-added-optional": { request: A, response: A, summary: "optional field added" },
  "property-added-required": { request: B, response: A, summary: "required field added" },
  "property-removed": { request: B, response: B, summary: "field removed" },
  "property-became-required": { request: B, response: A, summary: "field is now required" },
  "property-became-optional": { request: A, response: B, summary: "field is now optional" },
  // Schemas: types and values.
  "type-changed": { request: B, response: B, summary: "type changed" },
  "type-widened": { request: A, response: B, summary: "type widened" },
  "type-narrowed": { request: B, response: A, summary: "type narrowed" },
  "nullable-added": { request: A, response: B, summary: "now nullable" },
  "nullable-removed": { request: B, response: A, summary: "no longer nullable" },
  "enum-value-added": { request: A, response: A, summary: "enum value added" },
  "enum-value-removed": { request: B, response: B, summary: "enum value removed" },
  "enum-added": { request: B, response: A, summary: "now restricted to an enum" },
  "enum-removed": { request: A, response: B, summary: "no longer restricted to an enum" },
  "format-changed": { request: B, response: B, summary: "format changed" },
  "constraint-tightened": { request: B, response: A, summary: "validation constraint tightened" },
  "constraint-loosened": { request: A, response: A, summary: "validation constraint loosened" },
  "variant-added": { request: A, response: B, summary: "oneOf/anyOf variant added" },
  "variant-removed": { request: B, response: A, summary: "oneOf/anyOf variant removed" },
  // Named components (each is an exported type: components["schemas"]["Name"]).
  "component-added": { level: A, summary: "component added" },
  "component-removed": { level: B, summary: "component removed or renamed" },
  // Documentation only.
  "doc-changed": { level: C, summary: "documentation changed" },
  "example-changed": { level: C, summary: "example changed" },
  // Anything else: not proven safe, so it counts as breaking and asks for a look.
  "unrecognised-change": {
    level: B,
    summary: "change the classifier does not know; treated as breaking, review it",
  },
};

const rank = { cosmetic: 0, additive: 1, breaking: 2 };

/** The stricter of two levels. */
export function maxLevel(a, b) {
  return rank[a] >= rank[b] ? a : b;
}

/**
 * The level of a rule on a side.
 * @param {string} rule
 * @param {Side} side
 * @returns {Level}
 */
export function levelOf(rule, side) {
  const definition = rules[rule];
  if (!definition) throw new Error(`unknown spec-diff rule ${rule}`);
  if (definition.level) return definition.level;
  if (side === "both") return maxLevel(definition.request, definition.response);
  return definition[side];
}

/** The semver bump a list of changes calls for, or null when there is none. */
export function bumpFor(changes) {
  if (changes.some((change) => change.level === "breaking")) return "major";
  if (changes.some((change) => change.level === "additive")) return "minor";
  return changes.length > 0 ? "patch" : null;
}
