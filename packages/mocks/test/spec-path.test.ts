import { fileURLToPath } from "node:url";
import { expect, test } from "vitest";
import { specPath } from "../src/index.js";

const repoSpecs = fileURLToPath(new URL("../../../specs/", import.meta.url));

test("serves the repository's specs inside the monorepo, never the copy left by packing", () => {
  expect(specPath("alpharun")).toBe(`${repoSpecs}alpharun/openapi.yaml`);
  expect(specPath("dixa")).toBe(`${repoSpecs}dixa/openapi.yaml`);
});

test("rejects a name that is not a vendored API", () => {
  expect(() => specPath("zendesk" as "dixa")).toThrow(/unknown API "zendesk"/);
});
