// The overlay engine (openapi-format) behind our accounting: what each action matched and changed,
// so a correction that no longer applies is reported instead of silently dropped.
import { describe, expect, test } from "vitest";
import { applyOverlay } from "../specs/overlay.mjs";
import { describeAction, OverlayError, readOverlay } from "../specs/overlay-document.mjs";
import { describeOverridden } from "../specs/overlay-effect.mjs";
import { renderIndex } from "../specs/overlay-index.mjs";

const vendor = () => ({
  openapi: "3.0.3",
  info: { title: "Vendor", version: "1" },
  paths: {
    "/v1/notes": {
      get: { operationId: "Notes_list", responses: { "200": { description: "ok" } } },
      post: { operationId: "Notes_create", responses: { "201": { description: "created" } } },
    },
  },
  components: {
    schemas: {
      Note: {
        type: "object",
        required: ["id"],
        properties: { id: { type: "string" }, createdAt: { type: "string", format: "date-time" } },
      },
    },
  },
});

const action = (fields: Record<string, unknown>) => ({
  description: "why",
  "x-cxkit-source": "a page",
  "x-cxkit-group": "group",
  ...fields,
});
const overlay = (...actions: Record<string, unknown>[]) => ({ overlay: "1.1.0", info: {}, actions });

describe("applyOverlay", () => {
  test("applies updates, removes and copies, and RFC 9535 filters select operations by their fields", async () => {
    const { doc, results } = await applyOverlay(
      vendor(),
      overlay(
        action({ target: "$.paths", update: { "/notes": { get: {} } } }),
        action({ target: "$.paths['/notes'].get", copy: "$.paths['/v1/notes'].get" }),
        action({ target: "$.paths[*][?@.operationId == 'Notes_list']", update: { summary: "List notes" } }),
        action({ target: "$.components.schemas.Note.properties.createdAt.format", remove: true }),
      ),
    );
    expect(results.map((result) => [result.matched, result.problem])).toEqual([
      [1, undefined],
      [1, undefined],
      [2, undefined],
      [1, undefined],
    ]);
    expect(doc.paths["/notes"].get).toEqual({
      operationId: "Notes_list",
      summary: "List notes",
      responses: { "200": { description: "ok" } },
    });
    expect(doc.components.schemas.Note.properties.createdAt).toEqual({ type: "string" });
    expect(results[1]?.copied).toBe("$['paths']['/v1/notes']['get']");
  });

  test("reports an action whose target matches nothing as stale, with its source", async () => {
    const doc = vendor();
    delete (doc.components.schemas.Note.properties.createdAt as { format?: string }).format;
    const { results } = await applyOverlay(
      doc,
      overlay(action({ target: "$.components.schemas.Note.properties.createdAt.format", remove: true })),
    );
    expect(results[0]).toMatchObject({ problem: "stale", detail: "target matches nothing", matched: 0 });
    expect(describeAction(results[0] as never)).toBe(
      "#1 [group] $.components.schemas.Note.properties.createdAt.format (source: a page)",
    );
  });

  test("reports an update the document already says as stale", async () => {
    const { results } = await applyOverlay(
      vendor(),
      overlay(
        action({
          target: "$.components.schemas.Note",
          update: { type: "object", properties: { id: { type: "string" } } },
        }),
      ),
    );
    expect(results[0]).toMatchObject({
      problem: "stale",
      detail: "changes nothing: the document already says this",
    });
  });

  test("reports a remove-then-set pair that restores what the vendor says as stale", async () => {
    const { results } = await applyOverlay(
      vendor(),
      overlay(
        action({ target: "$.components.schemas.Note.required", remove: true }),
        action({ target: "$.components.schemas.Note", update: { required: ["id"] } }),
      ),
    );
    expect(results.map((result) => result.problem)).toEqual([undefined, "stale"]);
  });

  test("reports a copy whose source is gone as stale", async () => {
    const { results } = await applyOverlay(
      vendor(),
      overlay(
        action({ target: "$.paths", update: { "/tags": { get: {} } } }),
        action({ target: "$.paths['/tags'].get", copy: "$.paths['/v1/tags'].get" }),
      ),
    );
    expect(results[1]).toMatchObject({
      problem: "stale",
      detail: "copy source $.paths['/v1/tags'].get matches 0 nodes, not 1",
    });
  });

  test("reports an action the engine cannot apply as a conflict", async () => {
    const { results } = await applyOverlay(
      vendor(),
      overlay(action({ target: "$.components.schemas.Note.type", update: { oneOf: [] } })),
    );
    expect(results[0]).toMatchObject({ problem: "conflict" });
    expect(results[0]?.detail).toContain("type mismatch");
  });

  test("refuses a filter that openapi-format would read differently", async () => {
    const { results } = await applyOverlay(
      vendor(),
      overlay(action({ target: "$.paths[*][?@['operationId'] == 'Notes_list']", update: { summary: "x" } })),
    );
    expect(results[0]).toMatchObject({
      problem: "conflict",
      detail: "openapi-format reads this target differently: write the filter as [?(...)]",
    });
  });
});

describe("readOverlay", () => {
  test("requires every action to say why, on what source, and in which group", () => {
    const text =
      "overlay: 1.0.0\ninfo: {title: t, version: '1'}\nactions:\n  - target: $.info\n    update: {title: x}\n";
    expect(() => readOverlay(text, "specs/x/overlay.yaml")).toThrow(OverlayError);
    expect(() => readOverlay(text, "specs/x/overlay.yaml")).toThrow(
      /action #1 \(\$\.info\): no x-cxkit-source\n.*no description \(why the action exists\)\n.*no x-cxkit-group/,
    );
  });
  test("refuses a document that is not an overlay", () => {
    expect(() => readOverlay("openapi: 3.0.3\n", "x.yaml")).toThrow(
      "x.yaml is not an Overlay 1.0/1.1 document (overlay: undefined)",
    );
  });
});

describe("declared groups (x-cxkit-groups)", () => {
  const text = (groups: string, ...actionGroups: string[]) =>
    [
      "overlay: 1.1.0",
      "info: {title: t, version: '1'}",
      `x-cxkit-groups: ${groups}`,
      "actions:",
      ...actionGroups.map(
        (group) =>
          `  - {target: $.info, description: why, x-cxkit-source: a page, x-cxkit-group: ${group}, update: {title: x}}`,
      ),
    ].join("\n");

  test("accepts groups that are declared with their reason and run together, in the declared order", () => {
    const overlay = readOverlay(text("{names: because, paths: also}", "names", "names", "paths"), "o.yaml");
    expect(overlay.actions).toHaveLength(3);
  });

  test("refuses an undeclared group, a split group, an unused one, and groups out of order", () => {
    const problems = (groups: string, ...actionGroups: string[]) => {
      try {
        readOverlay(text(groups, ...actionGroups), "o.yaml");
        return "";
      } catch (error) {
        return (error as Error).message;
      }
    };
    expect(problems("{names: because}", "names", "other")).toBe(
      'o.yaml action #2: group "other" is not declared in x-cxkit-groups',
    );
    expect(problems("{names: because, paths: also}", "names", "paths", "names")).toBe(
      'o.yaml action #3: group "names" is split; keep its actions together',
    );
    expect(problems("{names: because, paths: also}", "names")).toBe(
      'o.yaml: group "paths" is declared in x-cxkit-groups but has no actions',
    );
    expect(problems("{names: because, paths: also}", "paths", "names")).toBe(
      "o.yaml: the actions' groups do not run in the order x-cxkit-groups declares them",
    );
    expect(problems("{names: ''}", "names")).toBe(
      'o.yaml: group "names" says nothing in x-cxkit-groups (why it exists)',
    );
  });

  test("the index lists each group with its reason and its actions", () => {
    const overlay = readOverlay(
      text("{names: 'the vendor has no names | ours'}", "names", "names"),
      "o.yaml",
    );
    expect(renderIndex("dixa", overlay).split("\n").slice(2)).toEqual([
      "| group | what the vendor's document has, what we change, and why | actions |",
      "|---|---|---|",
      "| names | the vendor has no names \\| ours | 2 (update) |",
    ]);
  });
});

describe("tracking what corrections override", () => {
  test("records what an action removes or overwrites, not what it adds or appends to", async () => {
    const { results } = await applyOverlay(
      vendor(),
      overlay(
        action({ target: "$.components.schemas.Note.properties.createdAt.format", remove: true }),
        action({
          target: "$.components.schemas.Note",
          update: { type: "object", description: "new", required: ["text"] },
        }),
      ),
      { track: true },
    );
    expect(results.map((result) => result.overriddenValues)).toEqual([["date-time"], [{ type: "object" }]]);
  });

  test("follows references to vendor components unless their content reaches the spec anyway", () => {
    const doc = { components: { schemas: { Email: { type: "object" }, Tag: { type: "string" } } } };
    const values = [[{ $ref: "#/components/schemas/Email" }, { $ref: "#/components/schemas/Tag" }]];
    expect(JSON.parse(describeOverridden(values, doc, new Set(["schemas/Tag"])))).toEqual([
      [{ $ref: "#/components/schemas/Email", is: { type: "object" } }, { $ref: "#/components/schemas/Tag" }],
    ]);
  });
});
