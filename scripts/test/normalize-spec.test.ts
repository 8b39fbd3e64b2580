import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { parse } from "yaml";
import { parseSpec, renderSpec, SpecError, sameSpec } from "../normalize-spec.mjs";

const committed = readFileSync(join(import.meta.dirname, "fixtures", "e2e", "upstream.yaml"), "utf8");

describe("renderSpec", () => {
  test("renders the same document to the same bytes, and reads back as the same document", () => {
    const doc = parseSpec(committed, "x");
    const text = renderSpec(doc);
    expect(renderSpec(parseSpec(text, "x"))).toBe(text);
    expect(sameSpec(parse(text), parse(committed))).toBe(true);
    expect(text).toContain("'200':");
  });

  test("quotes strings the spec readers (js-yaml) would take for numbers, so they read back as strings", () => {
    const doc = parseSpec(committed, "x");
    doc.info["x-examples"] = ["0b101", "1_000", "0x1F", "plain"];
    const text = renderSpec(doc);
    expect(parseSpec(text, "x").info["x-examples"]).toEqual(["0b101", "1_000", "0x1F", "plain"]);
    expect(parse(text).info["x-examples"]).toEqual(["0b101", "1_000", "0x1F", "plain"]);
  });

  test("formats JSON and YAML input alike", () => {
    const vendor = JSON.stringify(parse(committed), null, 4);
    expect(renderSpec(parseSpec(vendor, "vendor.json"))).toBe(renderSpec(parseSpec(committed, "x")));
  });

  test("puts the header lines first, as YAML comments", () => {
    const text = renderSpec(parseSpec(committed, "x"), ["Built by a test.", "Do not edit."]);
    expect(text.split("\n").slice(0, 3)).toEqual(["# Built by a test.", "# Do not edit.", "openapi: 3.0.3"]);
  });
});

describe("parseSpec", () => {
  test("rejects text that is not YAML", () => {
    expect(() => parseSpec("openapi: [3.0.3", "bad.yaml")).toThrow(/bad.yaml does not parse as YAML or JSON/);
  });

  test("rejects an HTML page", () => {
    expect(() => parseSpec("<html><body>docs</body></html>", "page")).toThrow(SpecError);
  });

  test("rejects Swagger 2", () => {
    expect(() => parseSpec("swagger: '2.0'\ninfo: {title: t, version: '1'}\npaths: {}\n", "old")).toThrow(
      /not an OpenAPI 3.0\/3.1 document \(swagger 2.0\)/,
    );
  });

  test("accepts JSON", () => {
    expect(parseSpec(JSON.stringify(parse(committed)), "x.json").info.title).toBe("Fixture API");
  });
});
