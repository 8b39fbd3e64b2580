// Writes the changeset of a spec sync: the generated package's bump and the classified changes.
// Dependents (@cxkit/sdk) are bumped by changesets itself (`updateInternalDependencies`: a patch),
// except for a major, which they pass on to their users and so take too (changeset-guard checks it).
import { existsSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { countChanges, formatChangeList } from "./spec-diff/report.mjs";
import { bumpFor } from "./spec-diff/rules.mjs";

/**
 * The bump a sync calls for: none when the generated types did not change (an example-only change,
 * say), else the strictest level among the changes, and at least a patch.
 * @returns {"major" | "minor" | "patch" | null}
 */
export function releaseBump(changes, typesChanged) {
  if (!typesChanged) return null;
  return bumpFor(changes) ?? "patch";
}

/** `.changeset/<api>-spec-<date>.md`, or `-2`, `-3`, ... when a sync already wrote one that day. */
export function changesetPath(root, api, date) {
  for (let n = 1; ; n += 1) {
    const file = join(root, ".changeset", `${api}-spec-${date}${n > 1 ? `-${n}` : ""}.md`);
    if (!existsSync(file)) return file;
  }
}

/**
 * The changeset's text: frontmatter, one sentence, then the change list. `dependents` (the published
 * packages depending on `packageName`) are named too when the bump is major.
 */
export function renderChangeset({ api, packageName, bump, changes, from, to, dependents = [] }) {
  const counted = changes.length > 0 ? countChanges(changes) : "no change to the API itself";
  const versions = from === to ? `${to}` : `${to} (was ${from})`;
  const sentence = `Types regenerated from the ${api} spec ${versions}: ${counted}.`;
  const list = changes.length > 0 ? `\n${formatChangeList(changes)}\n` : "";
  const named = [packageName, ...(bump === "major" ? dependents : [])];
  const frontmatter = named.map((name) => `${JSON.stringify(name)}: ${bump}\n`).join("");
  return `---\n${frontmatter}---\n\n${sentence}\n${list}`;
}

/** Writes the changeset and returns its path. */
export async function writeChangeset({ root, date, ...details }) {
  const file = changesetPath(root, details.api, date);
  await writeFile(file, renderChangeset(details));
  return file;
}
