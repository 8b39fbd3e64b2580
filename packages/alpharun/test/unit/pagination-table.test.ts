// The table of paginated operations covers every operation of the spec that takes the cursor.
import { readFileSync } from "node:fs";
import { specPath } from "@cxkit/mocks";
import { expect, test } from "vitest";
import { parse } from "yaml";
import { alpharunPagination } from "../../src/index.js";

type Parameter = { name?: string; in?: string; $ref?: string };
type Operation = { parameters?: Parameter[] };
type Spec = { paths: Record<string, Operation & Partial<Record<string, Operation>>> } & Record<
  string,
  unknown
>;

/** Every operation (`METHOD /path`) with a query parameter named `name`, path-level parameters included. */
function operationsWithQueryParameter(spec: Spec, name: string): string[] {
  const resolve = (parameter: Parameter): Parameter =>
    parameter.$ref
      ? (parameter.$ref
          .split("/")
          .slice(1)
          .reduce<unknown>((node, key) => (node as Spec)[key], spec) as Parameter)
      : parameter;
  return Object.entries(spec.paths).flatMap(([path, item]) =>
    ["get", "put", "post", "delete", "patch"]
      .filter((method) =>
        [...(item.parameters ?? []), ...(item[method]?.parameters ?? [])]
          .map(resolve)
          .some((parameter) => item[method] && parameter.in === "query" && parameter.name === name),
      )
      .map((method) => `${method.toUpperCase()} ${path}`),
  );
}

test("every operation with a cursor query parameter is in the table of paginated operations", () => {
  const spec = parse(readFileSync(specPath("alpharun"), "utf8")) as Spec;
  const paginated = operationsWithQueryParameter(spec, alpharunPagination.cursor);
  const listed = Object.entries(alpharunPagination.operations).map(
    ([path, { method }]) => `${method.toUpperCase()} ${path}`,
  );
  expect(paginated.length).toBeGreaterThan(0);
  expect(
    paginated.filter((operation) => !listed.includes(operation)),
    "missing from alpharunPagination",
  ).toEqual([]);
  expect(
    listed.filter((operation) => !paginated.includes(operation)),
    "listed but not paginated",
  ).toEqual([]);
});
