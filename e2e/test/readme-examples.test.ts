// Every ```ts block of every README type-checks, as a strict consumer compiles it (`strict`,
// `exactOptionalPropertyTypes`, `noUncheckedIndexedAccess`), against the built packages.
// A block that is deliberately partial says so with a `// readme: partial` line, and is not checked.
import { existsSync } from "node:fs";
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { afterAll, expect, test } from "vitest";

const repoRoot = fileURLToPath(new URL("../../", import.meta.url));
const e2eDir = fileURLToPath(new URL("../", import.meta.url));
const PARTIAL = "// readme: partial";

/** One fenced ```ts block: where it is and its code. */
interface Block {
  readme: string;
  line: number;
  code: string;
}

/** The README of the root and of every folder one level under the workspace folders. */
async function readmes(): Promise<string[]> {
  const found = [join(repoRoot, "README.md")];
  for (const parent of ["packages", "examples", "bench", "e2e", "scripts", "specs"]) {
    const dir = join(repoRoot, parent);
    if (!existsSync(dir)) continue;
    found.push(join(dir, "README.md"));
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) found.push(join(dir, entry.name, "README.md"));
    }
  }
  return found.filter((file) => existsSync(file));
}

/** The ```ts blocks of a Markdown file, with the line each starts on. */
export function tsBlocks(readme: string, markdown: string): Block[] {
  const blocks: Block[] = [];
  const lines = markdown.split("\n");
  for (let i = 0; i < lines.length; i++) {
    if (!/^```(ts|typescript)\s*$/.test(lines[i] ?? "")) continue;
    const start = i + 1;
    let end = start;
    while (end < lines.length && !/^```\s*$/.test(lines[end] ?? "")) end++;
    blocks.push({ readme, line: start + 1, code: lines.slice(start, end).join("\n") });
    i = end;
  }
  return blocks;
}

const OPTIONS: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  lib: ["lib.es2023.d.ts", "lib.dom.d.ts", "lib.dom.iterable.d.ts"],
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  strict: true,
  exactOptionalPropertyTypes: true,
  noUncheckedIndexedAccess: true,
  verbatimModuleSyntax: true,
  types: ["node"],
  skipLibCheck: true,
  noEmit: true,
};

let work = "";
afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

test("every ```ts block of every README type-checks under strict and exactOptionalPropertyTypes", async () => {
  const blocks = (
    await Promise.all((await readmes()).map(async (file) => tsBlocks(file, await readFile(file, "utf8"))))
  ).flat();
  const checked = blocks.filter((block) => !block.code.includes(PARTIAL));
  expect(checked.length).toBeGreaterThanOrEqual(20);
  // Note: inside e2e/, so `@cxkit/*` resolves through its node_modules to the built packages' .d.ts.
  work = await mkdtemp(join(e2eDir, ".readme-"));
  const files = await Promise.all(
    checked.map(async (block, i) => {
      const file = join(work, `block-${i}.ts`);
      // Note: `export {}` makes each block its own module, so blocks may reuse names and use top-level await.
      await writeFile(file, `${block.code}\nexport {};\n`);
      return { file, block };
    }),
  );
  const program = ts.createProgram(
    files.map(({ file }) => file),
    OPTIONS,
  );
  const problems = ts.getPreEmitDiagnostics(program).map((diagnostic) => {
    const source = files.find(({ file }) => file === diagnostic.file?.fileName)?.block;
    const { line } = diagnostic.file?.getLineAndCharacterOfPosition(diagnostic.start ?? 0) ?? { line: 0 };
    const where = source ? `${relative(repoRoot, source.readme)}:${source.line + line}` : "(setup)";
    return `${where}: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n")}`;
  });
  expect(problems).toEqual([]);
});

test("the extractor finds ts blocks and their lines", () => {
  const markdown = ["# x", "```ts", "const a = 1;", "```", "text", "```ts", PARTIAL, "```"].join("\n");
  expect(tsBlocks("x.md", markdown)).toEqual([
    { readme: "x.md", line: 3, code: "const a = 1;" },
    { readme: "x.md", line: 7, code: PARTIAL },
  ]);
});
