import { expect, test } from "vitest";
import { formatReport } from "../spec-diff/report.mjs";

test("prints the changes grouped by operation, API-wide ones first, strictest first", () => {
  const report = formatReport({
    api: "alpharun",
    packageName: "@cxkit/alpharun",
    from: "1.0.0",
    to: "1.1.0",
    bump: "major",
    typesChanged: true,
    changes: [
      {
        rule: "doc-changed",
        level: "cosmetic",
        group: "GET /notes (listNotes)",
        location: "operation",
        detail: "summary",
      },
      {
        rule: "property-added-optional",
        level: "additive",
        group: "GET /notes (listNotes)",
        location: "response 200",
        field: "data[].color",
      },
      {
        rule: "operation-removed",
        level: "breaking",
        group: "DELETE /notes/{noteId} (deleteNote)",
        location: "operation",
      },
      { rule: "doc-changed", level: "cosmetic", group: "API", location: "info", detail: "version" },
    ],
  });
  expect(report).toBe(
    [
      "alpharun: spec 1.0.0 -> 1.1.0, 1 breaking, 1 additive, 2 cosmetic",
      "  API",
      "    ~ cosmetic info: documentation changed (version)",
      "  DELETE /notes/{noteId} (deleteNote)",
      "    ! breaking operation: operation removed",
      "  GET /notes (listNotes)",
      "    + additive response 200 › data[].color: optional field added",
      "    ~ cosmetic operation: documentation changed (summary)",
      "  generated types changed: major bump for @cxkit/alpharun",
    ].join("\n"),
  );
});

test("says when no changeset is written because the types did not change", () => {
  const report = formatReport({
    api: "dixa",
    packageName: "@cxkit/dixa",
    from: "1",
    to: "1",
    bump: null,
    typesChanged: false,
    changes: [{ rule: "example-changed", level: "cosmetic", group: "GET /x", location: "response 200" }],
  });
  expect(report).toContain("generated types unchanged: no changeset for @cxkit/dixa");
});
