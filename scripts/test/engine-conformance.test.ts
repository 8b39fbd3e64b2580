// The engine conformance suite (packages/runtime/test/conformance) against the vendored specs: its types
// are fresh, and every parameter shape the specs use is one it has cases for and openapi-fetch sends as
// the spec says. A spec that adds, say, an array query parameter with `explode: false` fails here first.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { parse } from "yaml";
import { apiNames, apis, repoRoot } from "../apis.mjs";
import { conformanceSpec, conformanceTypes, renderConformanceTypes } from "../generate-conformance.mjs";

type Node = Record<string, unknown>;
const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

/**
 * Shapes openapi-fetch 0.17.0 puts on the wire differently from the spec: see the "documented"
 * entries of packages/runtime/test/conformance/openapi-fetch-deviations.ts and ARCHITECTURE.md.
 */
const MISSENT = [
  "query form explode=false array",
  "query form explode=true object",
  "query deepObject explode=true object",
  "header simple explode=false array",
];

/** Follows local `$ref`s (`#/components/...`) to the node they name. */
function resolve(spec: Node, node: unknown): Node {
  let current = node as Node;
  while (typeof current?.$ref === "string") {
    const path = current.$ref.replace(/^#\//, "").split("/");
    current = path.reduce<Node>((at, key) => at[key] as Node, spec);
  }
  return current;
}

/** Every parameter of a spec as `<in> <style> explode=<bool> <kind>`, OpenAPI's defaults filled in. */
export function parameterShapes(spec: Node): Set<string> {
  const shapes = new Set<string>();
  for (const item of Object.values((spec.paths ?? {}) as Record<string, Node>)) {
    const operations = METHODS.map((method) => item[method] as Node | undefined).filter(Boolean) as Node[];
    const parameters = [item, ...operations].flatMap((node) => (node.parameters ?? []) as unknown[]);
    for (const parameter of parameters.map((p) => resolve(spec, p))) {
      const where = String(parameter.in);
      const style = String(parameter.style ?? (where === "query" || where === "cookie" ? "form" : "simple"));
      const explode = parameter.explode ?? style === "form";
      const schema = resolve(spec, parameter.schema);
      const kind =
        parameter.content !== undefined
          ? "content"
          : schema.type === "array"
            ? "array"
            : schema.type === "object" || schema.properties || schema.additionalProperties
              ? "object"
              : "primitive";
      shapes.add(`${where} ${style} explode=${explode} ${kind}`);
    }
  }
  return shapes;
}

const readSpec = async (path: string) => parse(await readFile(join(repoRoot, path), "utf8")) as Node;
const conformance = parameterShapes(await readSpec(conformanceSpec));
const vendored = await Promise.all(
  apiNames.map(async (name) => [name, parameterShapes(await readSpec(apis[name].spec))] as const),
);

test("the conformance suite's committed types are what openapi-typescript makes of its spec", async () => {
  const committed = await readFile(join(repoRoot, conformanceTypes), "utf8");
  expect(committed === (await renderConformanceTypes()), "stale: run `pnpm generate`").toBe(true);
});

test("reads each parameter's shape through $refs, with OpenAPI's default style and explode", () => {
  const spec = {
    paths: {
      "/a/{id}": {
        parameters: [{ $ref: "#/components/parameters/Id" }],
        get: {
          parameters: [
            { name: "tags", in: "query", schema: { $ref: "#/components/schemas/Tags" } },
            { name: "ids", in: "query", explode: false, schema: { type: "array" } },
            { name: "f", in: "query", style: "deepObject", schema: { type: "object" } },
            { name: "X-N", in: "header", schema: { type: "integer" } },
          ],
        },
      },
    },
    components: {
      parameters: { Id: { name: "id", in: "path", required: true, schema: { type: "string" } } },
      schemas: { Tags: { type: "array", items: { type: "string" } } },
    },
  };
  expect([...parameterShapes(spec)]).toEqual([
    "path simple explode=false primitive",
    "query form explode=true array",
    "query form explode=false array",
    "query deepObject explode=false object",
    "header simple explode=false primitive",
  ]);
});

test("the conformance spec has every shape openapi-fetch sends differently, so each has its case", () => {
  expect(MISSENT.filter((shape) => !conformance.has(shape))).toEqual([]);
});

describe.each(vendored)("the %s spec", (_, shapes) => {
  test("uses only parameter shapes the conformance suite has cases for", () => {
    expect([...shapes].filter((shape) => !conformance.has(shape))).toEqual([]);
  });

  test("uses no parameter shape openapi-fetch sends differently from the spec", () => {
    expect([...shapes].filter((shape) => MISSENT.includes(shape))).toEqual([]);
  });
});
