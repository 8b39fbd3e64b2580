// The pieces of a spec change the registry test releases: the edit of Dixa's `Conversation` schema,
// its changeset, a one-test suite for the release's test step, and the consumer code that reads it.
import { type Document, parseDocument, type YAMLMap } from "yaml";
import type { ScratchRepo } from "./scratch-repo.js";

const SPEC = "specs/dixa/openapi.yaml";

/** Edits the properties of Dixa's `Conversation` schema in the scratch repository's spec. */
export async function editConversation(
  repo: ScratchRepo,
  edit: (properties: YAMLMap, doc: Document) => void,
): Promise<void> {
  const doc = parseDocument(await repo.read(SPEC));
  const properties = doc.getIn(["components", "schemas", "Conversation", "properties"]);
  if (!properties || typeof properties !== "object" || !("set" in properties)) {
    throw new Error(`${SPEC} has no components.schemas.Conversation.properties`);
  }
  edit(properties as YAMLMap, doc);
  await repo.write(SPEC, doc.toString());
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

/** Consumer code reading `field` of a Dixa conversation: through the client, or through the facade. */
export const probe = {
  dixa: (field: string) => `import { createDixaClient } from "@cxkit/dixa";

export async function releaseNote(conversationId: number): Promise<string | undefined> {
  const dixa = createDixaClient({ apiKey: "test-key" });
  const { data } = await dixa.GET("/conversations/{conversationId}", { params: { path: { conversationId } } });
  return data?.data.${field};
}
`,
  sdk: (field: string) => `import type { Cx } from "@cxkit/sdk";

export async function releaseNote(cx: Cx, conversationId: number): Promise<string | undefined> {
  const { data } = await cx.dixa.GET("/conversations/{conversationId}", { params: { path: { conversationId } } });
  return data?.data.${field};
}
`,
};
