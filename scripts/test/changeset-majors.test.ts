import { describe, expect, test } from "vitest";
import { dependentsOf, majorProblems } from "../changeset-guard.mjs";
import { renderChangeset } from "../changeset-writer.mjs";

/** A release plan as `changeset status --output` writes it, reduced to what the rule reads. */
const plan = (releases: Record<string, "major" | "minor" | "patch">) => ({
  changesets: [],
  releases: Object.entries(releases).map(([name, type]) => ({ name, type })),
});

describe("majorProblems", () => {
  test("refuses a client's major that reaches the facade's users as a patch", () => {
    expect(majorProblems(plan({ "@cxkit/dixa": "major", "@cxkit/sdk": "patch" }))).toEqual([
      "@cxkit/sdk depends on @cxkit/dixa, whose release is major, so its users see the break too: name @cxkit/sdk major in a changeset",
    ]);
  });

  test("follows a runtime major to every package that depends on the runtime", () => {
    expect(majorProblems(plan({ "@cxkit/runtime": "major", "@cxkit/alpharun": "major" }))).toEqual([
      "@cxkit/dixa depends on @cxkit/runtime, whose release is major, so its users see the break too: name @cxkit/dixa major in a changeset",
      "@cxkit/sdk depends on @cxkit/alpharun and @cxkit/runtime, whose releases are major, so its users see the break too: name @cxkit/sdk major in a changeset",
    ]);
  });

  test("accepts a major passed on to every dependent, and minors that are not", () => {
    expect(majorProblems(plan({ "@cxkit/dixa": "major", "@cxkit/sdk": "major" }))).toEqual([]);
    expect(majorProblems(plan({ "@cxkit/dixa": "minor", "@cxkit/sdk": "patch" }))).toEqual([]);
  });
});

test("a package's dependents are the published packages with it among their dependencies", () => {
  expect(dependentsOf("@cxkit/dixa").map((pkg) => pkg.name)).toEqual(["@cxkit/sdk"]);
  expect(dependentsOf("@cxkit/sdk")).toEqual([]);
});

describe("renderChangeset", () => {
  const details = { api: "dixa", packageName: "@cxkit/dixa", changes: [], from: "1", to: "2" };

  test("names the dependents at major when a sync's bump is major", () => {
    const text = renderChangeset({ ...details, bump: "major", dependents: ["@cxkit/sdk"] });
    expect(text.split("\n").slice(0, 4)).toEqual([
      "---",
      '"@cxkit/dixa": major',
      '"@cxkit/sdk": major',
      "---",
    ]);
  });

  test("leaves the dependents to changesets' own patch below a major", () => {
    const text = renderChangeset({ ...details, bump: "minor", dependents: ["@cxkit/sdk"] });
    expect(text.split("\n").slice(0, 3)).toEqual(["---", '"@cxkit/dixa": minor', "---"]);
  });
});
