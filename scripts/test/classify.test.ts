import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { parse } from "yaml";
import { classifyChanges } from "../spec-diff/classify.mjs";
import { rules } from "../spec-diff/rules.mjs";

const fixtures = join(import.meta.dirname, "fixtures", "rules");
const load = (name: string, file: string) => parse(readFileSync(join(fixtures, name, file), "utf8"));

// Each fixture pair under fixtures/rules/<name>/{old,new}.yaml makes exactly one change; the name
// is the rule, and for side-dependent rules the side that uses the schema.
const expected: Record<string, [rule: string, level: "breaking" | "additive" | "cosmetic"]> = {
  "server-added": ["server-added", "additive"],
  "server-removed": ["server-removed", "breaking"],
  "security-changed": ["security-changed", "breaking"],
  "security-alternative-added": ["security-alternative-added", "additive"],
  "security-scheme-added": ["security-scheme-added", "additive"],
  "security-scheme-removed": ["security-scheme-removed", "breaking"],
  "security-scheme-changed": ["security-scheme-changed", "breaking"],
  "operation-added": ["operation-added", "additive"],
  "operation-removed": ["operation-removed", "breaking"],
  "operation-id-changed": ["operation-id-changed", "breaking"],
  "parameter-added-optional": ["parameter-added-optional", "additive"],
  "parameter-added-required": ["parameter-added-required", "breaking"],
  "parameter-removed": ["parameter-removed", "breaking"],
  "parameter-renamed": ["parameter-renamed", "breaking"],
  "parameter-renamed.path": ["parameter-renamed", "breaking"],
  "parameter-location-changed": ["parameter-location-changed", "breaking"],
  "parameter-became-required": ["parameter-became-required", "breaking"],
  "parameter-became-optional": ["parameter-became-optional", "additive"],
  "request-body-added-optional": ["request-body-added-optional", "additive"],
  "request-body-added-required": ["request-body-added-required", "breaking"],
  "request-body-removed": ["request-body-removed", "breaking"],
  "request-body-became-required": ["request-body-became-required", "breaking"],
  "request-body-became-optional": ["request-body-became-optional", "additive"],
  "media-type-added": ["media-type-added", "additive"],
  "media-type-removed": ["media-type-removed", "breaking"],
  "response-added": ["response-added", "additive"],
  "response-removed": ["response-removed", "breaking"],
  "property-added-optional.request": ["property-added-optional", "additive"],
  "property-added-optional.response": ["property-added-optional", "additive"],
  "property-added-required.request": ["property-added-required", "breaking"],
  "property-added-required.response": ["property-added-required", "additive"],
  "property-removed.request": ["property-removed", "breaking"],
  "property-removed.response": ["property-removed", "breaking"],
  "property-became-required.request": ["property-became-required", "breaking"],
  "property-became-required.response": ["property-became-required", "additive"],
  "property-became-optional.request": ["property-became-optional", "additive"],
  "property-became-optional.response": ["property-became-optional", "breaking"],
  "property-became-optional.webhook": ["property-became-optional", "breaking"],
  "type-changed.request": ["type-changed", "breaking"],
  "type-changed.response": ["type-changed", "breaking"],
  "type-widened.request": ["type-widened", "additive"],
  "type-widened.response": ["type-widened", "breaking"],
  "type-narrowed.request": ["type-narrowed", "breaking"],
  "type-narrowed.response": ["type-narrowed", "additive"],
  "nullable-added.request": ["nullable-added", "additive"],
  "nullable-added.response": ["nullable-added", "breaking"],
  "nullable-added.unreached": ["nullable-added", "breaking"],
  "nullable-removed.request": ["nullable-removed", "breaking"],
  "nullable-removed.response": ["nullable-removed", "additive"],
  "enum-value-added.request": ["enum-value-added", "additive"],
  "enum-value-added.response": ["enum-value-added", "additive"],
  "enum-value-removed.request": ["enum-value-removed", "breaking"],
  "enum-value-removed.response": ["enum-value-removed", "breaking"],
  "enum-added.request": ["enum-added", "breaking"],
  "enum-added.response": ["enum-added", "additive"],
  "enum-removed.request": ["enum-removed", "additive"],
  "enum-removed.response": ["enum-removed", "breaking"],
  "format-changed.request": ["format-changed", "breaking"],
  "format-changed.response": ["format-changed", "breaking"],
  "constraint-tightened.request": ["constraint-tightened", "breaking"],
  "constraint-tightened.response": ["constraint-tightened", "additive"],
  "constraint-loosened.request": ["constraint-loosened", "additive"],
  "constraint-loosened.response": ["constraint-loosened", "additive"],
  "variant-added.request": ["variant-added", "additive"],
  "variant-added.response": ["variant-added", "breaking"],
  "variant-removed.request": ["variant-removed", "breaking"],
  "variant-removed.response": ["variant-removed", "additive"],
  "component-added": ["component-added", "additive"],
  "component-removed": ["component-removed", "breaking"],
  "doc-changed": ["doc-changed", "cosmetic"],
  "example-changed": ["example-changed", "cosmetic"],
  "unrecognised-change": ["unrecognised-change", "breaking"],
};

const bumps = { breaking: "major", additive: "minor", cosmetic: "patch" } as const;

describe("classifyChanges", () => {
  test.each(Object.entries(expected))("classifies fixture %s", (name, [rule, level]) => {
    const { changes, bump } = classifyChanges(load(name, "old.yaml"), load(name, "new.yaml"));
    expect(changes.length).toBeGreaterThan(0);
    expect(changes.map((change) => [change.rule, change.level])).toEqual(changes.map(() => [rule, level]));
    expect(bump).toBe(bumps[level]);
  });

  test("has a fixture pair for every rule, and a rule for every fixture pair", () => {
    const covered = new Set(Object.values(expected).map(([rule]) => rule));
    expect([...Object.keys(rules)].filter((rule) => !covered.has(rule))).toEqual([]);
    expect(readdirSync(fixtures).sort()).toEqual(Object.keys(expected).sort());
  });

  test("finds no change between a spec and itself", () => {
    const spec = load("doc-changed", "old.yaml");
    expect(classifyChanges(spec, structuredClone(spec))).toEqual({ changes: [], bump: null });
  });

  test("reports a change to a shared schema under every operation that reaches it", () => {
    const { changes } = classifyChanges(
      load("property-removed.response", "old.yaml"),
      load("property-removed.response", "new.yaml"),
    );
    expect(changes.map((change) => change.group).sort()).toEqual([
      "GET /things (listThings)",
      "GET /things/{id} (getThing)",
      "PATCH /things/{id} (updateThing)",
      "POST /things (createThing)",
    ]);
    expect(changes[0]).toMatchObject({ location: "response 200", field: "data[].size" });
  });

  test("treats a global auth change once, at the API level", () => {
    const { changes } = classifyChanges(
      load("security-changed", "old.yaml"),
      load("security-changed", "new.yaml"),
    );
    expect(changes).toEqual([
      expect.objectContaining({ group: "API", detail: "bearerAuth -> apiKeyAuth", level: "breaking" }),
    ]);
  });

  test("classifies requiring auth on an anonymous operation as breaking", () => {
    const old = load("server-added", "old.yaml");
    old.paths["/things"].get.security = [];
    const next = structuredClone(old);
    delete next.paths["/things"].get.security;
    const { changes } = classifyChanges(old, next);
    expect(changes).toEqual([
      expect.objectContaining({ rule: "security-changed", detail: "none -> bearerAuth" }),
    ]);
  });

  test("stops at recursive schemas", () => {
    const old = load("server-added", "old.yaml");
    old.components.schemas.Thing.properties.children = {
      type: "array",
      items: { $ref: "#/components/schemas/Thing" },
    };
    const next = structuredClone(old);
    next.components.schemas.Thing.properties.children.description = "Nested things";
    const { changes } = classifyChanges(old, next);
    expect(new Set(changes.map((change) => change.rule))).toEqual(new Set(["doc-changed"]));
  });
});
