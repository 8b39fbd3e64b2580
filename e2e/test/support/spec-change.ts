// The pieces of a spec change the registry test releases: a field added to Dixa's `Tag` schema the way
// every spec change is made (an overlay action, then `pnpm specs:build`), its changeset, a one-test
// suite for the release's test step, and the consumer code that reads it.
import { parseDocument, type YAMLMap, type YAMLSeq } from "yaml";
import { ok, run } from "./run.js";
import type { ScratchRepo } from "./scratch-repo.js";

const OVERLAY = "specs/dixa/overlay.yaml";
const GROUP = "release test";

/**
 * Adds (`type` given) or takes back (`undefined`) the overlay action that puts `field` on Dixa's `Tag`,
 * then rebuilds the spec; the generated types are left to the caller (`pnpm generate`).
 */
export async function setTagField(repo: ScratchRepo, field: string, type: string | undefined): Promise<void> {
  const doc = parseDocument(await repo.read(OVERLAY));
  const groups = doc.get("x-cxkit-groups") as YAMLMap;
  const actions = doc.get("actions") as YAMLSeq;
  if (type === undefined) {
    groups.delete(GROUP);
    actions.items = actions.items.filter((item) => (item as YAMLMap).get("x-cxkit-group") !== GROUP);
  } else {
    groups.set(GROUP, "A field the registry test adds to a shipped schema, then removes.");
    actions.add(
      doc.createNode({
        target: "$.components.schemas.Tag.properties",
        description: `Adds \`Tag.${field}\`.`,
        "x-cxkit-source": ["e2e/test/registry.test.ts"],
        "x-cxkit-group": GROUP,
        update: { [field]: { type, description: "A note the release test adds." } },
      }),
    );
  }
  await repo.write(OVERLAY, doc.toString());
  ok(await run("pnpm", ["specs:build", "dixa"], repo.dir));
}

/** A changeset file: the bump of each package, then its sentence. */
export function changeset(bumps: Record<string, "patch" | "minor" | "major">, text: string): string {
  const lines = Object.entries(bumps).map(([name, bump]) => `"${name}": ${bump}`);
  return `---\n${lines.join("\n")}\n---\n\n${text}\n`;
}

/** A package's whole test suite, one test that passes or fails. */
export function gateTest(passes: boolean): string {
  return `import { expect, test } from "vitest";\n\ntest("the release gate holds", () => {\n  expect(${passes}).toBe(true);\n});\n`;
}

/** Consumer code reading `field` of a Dixa tag: through the client, or through the facade. */
export const probe = {
  dixa: (field: string) => `import { createDixaClient } from "@cxkit/dixa";

export async function releaseNote(tagId: string): Promise<string | undefined> {
  const dixa = createDixaClient({ apiKey: "test-key" });
  const { data } = await dixa.GET("/tags/{tagId}", { params: { path: { tagId } } });
  return data?.data.${field};
}
`,
  sdk: (field: string) => `import type { Cx } from "@cxkit/sdk";

export async function releaseNote(cx: Cx, tagId: string): Promise<string | undefined> {
  const { data } = await cx.dixa.GET("/tags/{tagId}", { params: { path: { tagId } } });
  return data?.data.${field};
}
`,
};
