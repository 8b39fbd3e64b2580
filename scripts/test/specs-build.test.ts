// `pnpm specs:build`: the committed specs are what their upstream documents and overlays build,
// byte for byte, every time; an overlay action that stops applying fails the build by name.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { apis, repoRoot } from "../apis.mjs";
import { sha256 } from "../manifest.mjs";
import { buildSpec } from "../specs/build-spec.mjs";
import { mergeUpstream } from "../specs/merge-upstream.mjs";
import { prune } from "../specs/prune.mjs";
import { main } from "../specs-build.mjs";

const roots: string[] = [];
afterAll(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

describe.each(Object.keys(apis))("the %s spec", (name) => {
  test("is what its upstream documents and overlay build, byte for byte", async () => {
    const build = await buildSpec(name);
    expect(build.problems).toEqual([]);
    expect(build.text).toBe(readFileSync(join(repoRoot, apis[name].spec), "utf8"));
  });

  test("builds to the same bytes twice", async () => {
    const [first, second] = [await buildSpec(name), await buildSpec(name)];
    expect(second.text).toBe(first.text);
  });
});

/** A repository root holding only the e2e fixture as the alpharun API, with `overlay` as its overlay. */
function fixtureRoot(overlay: string): string {
  const root = mkdtempSync(join(tmpdir(), "cxkit-specs-build-"));
  roots.push(root);
  mkdirSync(join(root, "specs", "alpharun", "upstream"), { recursive: true });
  const upstream = join(root, "specs", "alpharun", "upstream", "openapi.yaml");
  cpSync(join(import.meta.dirname, "fixtures", "e2e", "upstream.yaml"), upstream);
  writeFileSync(join(root, "specs", "alpharun", "overlay.yaml"), overlay);
  const entry = {
    file: "specs/alpharun/upstream/openapi.yaml",
    url: "https://api.fixture.test/openapi.yaml",
    retrieved: "2026-12-01",
  };
  const manifest = {
    apis: { alpharun: { upstream: [{ ...entry, sha256: sha256(readFileSync(upstream, "utf8")) }] } },
  };
  writeFileSync(join(root, "specs", "manifest.json"), JSON.stringify(manifest));
  return root;
}
const fixtureOverlay = readFileSync(join(import.meta.dirname, "fixtures", "e2e", "overlay.yaml"), "utf8");

describe("specs:build", () => {
  test("writes the spec and its manifest hash, then --check passes", async () => {
    const root = fixtureRoot(fixtureOverlay);
    const log: string[] = [];
    await main(["alpharun"], { root, log: (line: string) => log.push(line) });
    expect(log[0]).toMatch(
      /^built specs\/alpharun\/openapi.yaml from specs\/alpharun\/upstream\/ and specs\/alpharun\/overlay.yaml \(4 actions\)$/,
    );
    const spec = readFileSync(join(root, "specs", "alpharun", "openapi.yaml"), "utf8");
    expect(JSON.parse(readFileSync(join(root, "specs", "manifest.json"), "utf8")).apis.alpharun.sha256).toBe(
      sha256(spec),
    );
    // Only the three operations the overlay gives a source ship; the vendor's fourth is dropped.
    expect(spec).not.toContain("/archive");
    expect(spec).not.toContain("date-time");
    await main(["alpharun", "--check"], { root, log: () => {} });
  });

  test("--check fails when the committed spec is not what the build yields, and names the fix", async () => {
    const root = fixtureRoot(fixtureOverlay);
    await main(["alpharun"], { root, log: () => {} });
    const file = join(root, "specs", "alpharun", "openapi.yaml");
    writeFileSync(file, readFileSync(file, "utf8").replace("List notes", "List the notes"));
    await expect(main(["alpharun", "--check"], { root, log: () => {} })).rejects.toThrow(
      "specs/alpharun/openapi.yaml is not what its upstream and overlay build\nrun: pnpm specs:build",
    );
  });

  test("fails on an action that matches nothing, naming the action, its group and its source", async () => {
    const root = fixtureRoot(`${fixtureOverlay}  - target: $.components.schemas.Tag
    description: Corrects a schema the vendor does not have.
    x-cxkit-source: "fixture-docs: tags"
    x-cxkit-group: component schemas/Tag
    update:
      type: object
`);
    await expect(main(["alpharun"], { root, log: () => {} })).rejects.toThrow(
      "alpharun: overlay action #5 [component schemas/Tag] $.components.schemas.Tag (source: fixture-docs: tags) is stale: target matches nothing",
    );
  });
});

describe("prune", () => {
  test("drops unsourced operations and unreferenced upstream components, keeps what the overlay added", () => {
    const doc = {
      paths: {
        "/a": {
          get: {
            "x-cxkit-source": { from: ["x"] },
            responses: { "200": { $ref: "#/components/responses/Ok" } },
          },
        },
        "/b": { get: { responses: {} } },
      },
      components: {
        responses: {
          Ok: {
            description: "ok",
            content: { "application/json": { schema: { $ref: "#/components/schemas/A" } } },
          },
        },
        schemas: { A: { type: "string" }, B: { type: "string" }, Event: { type: "object" } },
      },
    };
    const removed = prune(doc, new Set(["responses/Ok", "schemas/A", "schemas/B"]));
    expect(removed).toEqual(["get /b", "paths//b", "schemas/B"]);
    expect(Object.keys(doc.paths)).toEqual(["/a"]);
    expect(Object.keys(doc.components.schemas)).toEqual(["A", "Event"]);
  });
});

describe("mergeUpstream", () => {
  const page = (path: string, error: Record<string, unknown>) => ({
    openapi: "3.0.1",
    info: { title: "Vendor", version: "1" },
    paths: { [path]: { get: { responses: { "200": { description: "ok" } } } } },
    components: { schemas: { Error: error } },
  });
  test("unites the paths and components of one document per page", () => {
    const merged = mergeUpstream([
      { file: "a.yaml", doc: page("/a", { type: "object" }) },
      { file: "b.yaml", doc: page("/b", { type: "object" }) },
    ]);
    expect(Object.keys(merged.paths)).toEqual(["/a", "/b"]);
    expect(merged.components.schemas).toEqual({ Error: { type: "object" } });
  });
  test("refuses two documents that define the same component differently, naming both", () => {
    expect(() =>
      mergeUpstream([
        { file: "a.yaml", doc: page("/a", { type: "object" }) },
        { file: "b.yaml", doc: page("/b", { type: "string" }) },
      ]),
    ).toThrow("b.yaml and a.yaml both define components/schemas/Error, differently");
  });
});
