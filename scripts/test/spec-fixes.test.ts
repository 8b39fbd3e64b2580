import { describe, expect, test } from "vitest";
import { applySpecFixes } from "../spec-fixes.mjs";

const spec = (value: unknown) => ({
  openapi: "3.0.3",
  info: { title: "t", version: "1" },
  paths: {},
  components: { schemas: { Field: { type: "object", properties: { value } } } },
});
const value = (doc: ReturnType<typeof spec>) => doc.components.schemas.Field.properties.value;

describe("nullable-beside-composition", () => {
  test("moves nullable onto every typed branch of an anyOf", () => {
    const doc = spec({ anyOf: [{ type: "string" }, { type: "number" }], nullable: true, description: "v" });
    const applied = applySpecFixes(doc);
    expect(value(doc)).toEqual({
      anyOf: [
        { type: "string", nullable: true },
        { type: "number", nullable: true },
      ],
      description: "v",
    });
    expect(applied).toEqual([
      expect.objectContaining({
        id: "nullable-beside-composition",
        pointers: ["/components/schemas/Field/properties/value"],
      }),
    ]);
  });

  test("moves nullable onto the first typed branch only of a oneOf, so null matches one branch", () => {
    const doc = spec({ oneOf: [{ $ref: "#/x" }, { type: "string" }, { type: "boolean" }], nullable: true });
    applySpecFixes(doc);
    expect(value(doc)).toEqual({
      oneOf: [{ $ref: "#/x" }, { type: "string", nullable: true }, { type: "boolean" }],
    });
  });

  test("adds a null branch when every branch is a reference", () => {
    const doc = spec({ oneOf: [{ $ref: "#/a" }, { $ref: "#/b" }], nullable: true });
    applySpecFixes(doc);
    expect(value(doc)).toEqual({
      oneOf: [{ $ref: "#/a" }, { $ref: "#/b" }, { type: "string", nullable: true, enum: [null] }],
    });
  });

  test("leaves nullable with a type alone, and runs as a no-op the second time", () => {
    const doc = spec({ type: "string", nullable: true });
    expect(applySpecFixes(doc)).toEqual([]);
    const fixed = spec({ anyOf: [{ type: "string" }], nullable: true });
    applySpecFixes(fixed);
    const again = structuredClone(fixed);
    expect(applySpecFixes(again)).toEqual([]);
    expect(again).toEqual(fixed);
  });
});
