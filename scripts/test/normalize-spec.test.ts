import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { parse, stringify } from "yaml";
import { parseSpec, renderSpec, SpecError, sameSpec } from "../normalize-spec.mjs";

/** Parses a spec and renders it with `previous` as the template, as specs:build writes openapi.yaml. */
function normalizeSpec(text: string, { source, previous }: { source: string; previous: string }) {
  const doc = parseSpec(text, source);
  return { doc, text: renderSpec(doc, previous) };
}

const committed = readFileSync(join(import.meta.dirname, "fixtures", "e2e", "upstream.yaml"), "utf8");
const lines = (text: string) => text.split("\n");
const changedLines = (a: string, b: string) => {
  const left = lines(a);
  const right = lines(b);
  return right.filter((line, index) => line !== left[index]).length;
};

describe("renderSpec", () => {
  test("leaves a normalised spec as it is", () => {
    const once = normalizeSpec(committed, { source: "x", previous: committed });
    const twice = normalizeSpec(once.text, { source: "x", previous: once.text });
    expect(twice.text).toBe(once.text);
    expect(sameSpec(once.doc, parse(committed))).toBe(true);
  });

  test("keeps the committed key order when the vendor reorders keys", () => {
    const vendor = parse(committed);
    vendor.paths = Object.fromEntries(Object.entries(vendor.paths).reverse());
    vendor.components = Object.fromEntries(Object.entries(vendor.components).reverse());
    const { text } = normalizeSpec(JSON.stringify(vendor), { source: "vendor.json", previous: committed });
    expect(text).toBe(normalizeSpec(committed, { source: "x", previous: committed }).text);
  });

  test("rewrites only the lines a vendor change touches", () => {
    const previous = normalizeSpec(committed, { source: "x", previous: committed }).text;
    const vendor = parse(committed);
    vendor.components.schemas.NewNote.properties.pinned = {
      type: "boolean",
      description: "Pinned to the top",
    };
    const { text } = normalizeSpec(JSON.stringify(vendor, null, 4), { source: "vendor.json", previous });
    expect(text).toContain(
      "        pinned:\n          type: boolean\n          description: Pinned to the top\n",
    );
    expect(lines(text).length - lines(previous).length).toBe(3);
    expect(changedLines(previous, text)).toBeLessThan(lines(text).length / 2);
  });

  test("keeps the comments of the committed spec", () => {
    const previous = committed.replace("    Note:\n", "    # Note: hand-written comment\n    Note:\n");
    const { text } = normalizeSpec(JSON.stringify(parse(committed)), { source: "vendor.json", previous });
    expect(text).toContain("# Note: hand-written comment");
  });

  test("formats a spec with no committed version the same way every time", () => {
    const vendor = JSON.stringify(parse(committed));
    const first = normalizeSpec(vendor, { source: "vendor.json" }).text;
    expect(normalizeSpec(first, { source: "x" }).text).toBe(first);
    expect(first).toContain("'200':");
  });

  test("keeps list items matched by identity when the vendor inserts one", () => {
    const previous = stringify({
      openapi: "3.0.3",
      info: { title: "t", version: "1" },
      paths: {},
      tags: [{ name: "A" }],
    });
    const text = renderSpec(
      {
        openapi: "3.0.3",
        info: { title: "t", version: "1" },
        paths: {},
        tags: [{ name: "B" }, { name: "A" }],
      },
      previous,
    );
    expect(parse(text).tags).toEqual([{ name: "B" }, { name: "A" }]);
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
