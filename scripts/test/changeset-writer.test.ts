import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, test } from "vitest";
import { changesetPath, releaseBump, renderChangeset, writeChangeset } from "../changeset-writer.mjs";

type Level = "breaking" | "additive" | "cosmetic";
const change = (level: Level, rule = "doc-changed") => ({
  rule,
  level,
  group: "GET /notes (listNotes)",
  location: "operation",
});
const dirs: string[] = [];
const tempRoot = () => {
  const dir = mkdtempSync(join(tmpdir(), "cxkit-changeset-"));
  mkdirSync(join(dir, ".changeset"));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe("releaseBump", () => {
  test("gives no bump when the generated types did not change", () => {
    expect(releaseBump([change("breaking", "server-removed")], false)).toBeNull();
  });
  test("takes the strictest level of the changes", () => {
    expect(releaseBump([change("cosmetic"), change("additive", "operation-added")], true)).toBe("minor");
    expect(
      releaseBump([change("additive", "operation-added"), change("breaking", "operation-removed")], true),
    ).toBe("major");
    expect(releaseBump([change("cosmetic")], true)).toBe("patch");
  });
  test("gives at least a patch when the types changed without a classified change", () => {
    expect(releaseBump([], true)).toBe("patch");
  });
});

describe("renderChangeset", () => {
  test("names the package and bump, says what changed in one sentence, then lists the changes", () => {
    const text = renderChangeset({
      api: "alpharun",
      packageName: "@cxkit/alpharun",
      bump: "major",
      changes: [change("breaking", "operation-removed")],
      from: "1.0.0",
      to: "1.1.0",
    });
    expect(text).toBe(
      [
        "---",
        '"@cxkit/alpharun": major',
        "---",
        "",
        "Types regenerated from the alpharun spec 1.1.0 (was 1.0.0): 1 breaking.",
        "",
        "- `GET /notes` (listNotes)",
        "  - breaking: operation: operation removed",
        "",
      ].join("\n"),
    );
  });
});

describe("writeChangeset", () => {
  test("writes .changeset/<api>-spec-<date>.md, then -2 when that exists", async () => {
    const root = tempRoot();
    const details = {
      api: "dixa",
      packageName: "@cxkit/dixa",
      bump: "minor",
      changes: [],
      from: "1",
      to: "2",
    };
    const first = await writeChangeset({ root, date: "2026-11-22", ...details });
    expect(first).toBe(join(root, ".changeset", "dixa-spec-2026-11-22.md"));
    expect(readFileSync(first, "utf8")).toContain('"@cxkit/dixa": minor');
    expect(changesetPath(root, "dixa", "2026-11-22")).toBe(
      join(root, ".changeset", "dixa-spec-2026-11-22-2.md"),
    );
    writeFileSync(join(root, ".changeset", "dixa-spec-2026-11-22-2.md"), "");
    expect(changesetPath(root, "dixa", "2026-11-22")).toMatch(/-3\.md$/);
  });
});
