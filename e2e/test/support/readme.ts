// The root README's sections as the registry test reads them: what it tells a user to run is what runs.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { repoRoot } from "./scratch-repo.js";

/** The first fenced block of `lang` in the README section titled `## <title>`. */
export async function readmeBlock(title: string, lang: string): Promise<string> {
  const readme = await readFile(join(repoRoot, "README.md"), "utf8");
  const start = readme.indexOf(`\n## ${title}\n`);
  if (start === -1) throw new Error(`README.md has no "## ${title}" section`);
  const section = readme.slice(start + 1).split(/\n## /)[0] ?? "";
  const block = new RegExp(`\`\`\`${lang}\\n([\\s\\S]*?)\`\`\``).exec(section)?.[1];
  if (block === undefined) throw new Error(`README.md's "## ${title}" has no \`\`\`${lang} block`);
  return block;
}

/** The commands of a shell block starting with `prefix`, comments and extra spaces removed. */
export function commands(block: string, prefix: string): string[] {
  return block
    .split("\n")
    .map((line) => line.replace(/#.*$/, "").trim().replace(/\s+/g, " "))
    .filter((line) => line === prefix || line.startsWith(`${prefix} `));
}
