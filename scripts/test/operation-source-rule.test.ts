// The `cxkit/operation-source` lint rule: unit checks of what it accepts, and a real `redocly lint`
// with the repository's redocly.yaml on a fixture whose operation has no source.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { repoRoot } from "../apis.mjs";
import { lintSpec } from "../lint-spec.mjs";
import { sourceProblems } from "../redocly/operation-source-rule.mjs";

const declared = { "dixa-v1-openapi": "Dixa's v1 OpenAPI document" };
const fixture = join(import.meta.dirname, "fixtures", "operation-source", "openapi.yaml");

describe("sourceProblems", () => {
  test("accepts declared source ids, with or without a detail, and https URLs", () => {
    const source = {
      from: ["dixa-v1-openapi: Tags_list", "dixa-v1-openapi", "https://docs.dixa.io/openapi/dixa-api/v1/"],
      confidence: "medium",
    };
    expect(sourceProblems(source, declared)).toEqual([]);
  });

  test("reports an operation without a source and says what to write", () => {
    expect(sourceProblems(undefined, declared)).toEqual([
      expect.stringMatching(/has no `x-cxkit-source`.*from:.*confidence/),
    ]);
  });

  test("reports a confidence outside high, medium and low", () => {
    expect(sourceProblems({ from: ["dixa-v1-openapi"], confidence: "sure" }, declared)).toEqual([
      "`x-cxkit-source.confidence` must be one of high, medium, low.",
    ]);
  });

  test("reports an empty source list and an undeclared source id, naming the declared ones", () => {
    expect(sourceProblems({ from: [], confidence: "low" }, declared)).toEqual([
      "`x-cxkit-source.from` must list at least one source.",
    ]);
    expect(sourceProblems({ from: ["dixa-docs: tags"], confidence: "low" }, declared)).toEqual([
      expect.stringContaining(
        "`dixa-docs: tags` names no declared source: start it with an id from the root `x-cxkit-sources` (dixa-v1-openapi)",
      ),
    ]);
  });

  test("reports a source that is not an object", () => {
    expect(sourceProblems("dixa-v1-openapi", declared)).toEqual([
      expect.stringContaining("must be an object"),
    ]);
  });
});

describe("redocly lint with the repository's config", () => {
  let dir: string;

  /** A copy of redocly.yaml and its plugin, with `specText` as the dixa spec. */
  function workspace(specText: string): string {
    writeFileSync(join(dir, "specs", "dixa", "openapi.yaml"), specText);
    return join(dir, "redocly.yaml");
  }

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "cxkit-operation-source-"));
    cpSync(join(repoRoot, "redocly.yaml"), join(dir, "redocly.yaml"));
    cpSync(join(repoRoot, "scripts", "redocly"), join(dir, "scripts", "redocly"), { recursive: true });
    for (const api of ["alpharun", "dixa"]) mkdirSync(join(dir, "specs", api), { recursive: true });
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test("fails on the fixture operation without a source, naming the rule and the operation's line", async () => {
    const text = readFileSync(fixture, "utf8");
    const line = text.split("\n").findIndex((l) => l.includes("delete:")) + 1;
    const result = await lintSpec("dixa", { config: workspace(text) });
    expect(result.ok).toBe(false);
    expect(result.output).toMatch(
      new RegExp(`${line}:\\d+\\s+error\\s+cxkit/operation-source\\s+Operation has no`),
    );
    expect(result.output.match(/cxkit\/operation-source/g)).toHaveLength(1);
  }, 30_000);

  test("passes once that operation names its source", async () => {
    const text = readFileSync(fixture, "utf8").replace(
      "      operationId: deleteNote\n",
      "      operationId: deleteNote\n      x-cxkit-source:\n        from: ['fixture-docs: notes/delete']\n        confidence: low\n",
    );
    const result = await lintSpec("dixa", { config: workspace(text) });
    expect(result.output).not.toContain("cxkit/operation-source");
    expect(result.ok).toBe(true);
  }, 30_000);
});
