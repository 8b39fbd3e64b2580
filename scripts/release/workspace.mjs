// The workspace as the release sees it: its packages (as pnpm lists them) and the pending changesets.
import { readdirSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { ReleaseError } from "./checks.mjs";
import { runStep } from "./run-step.mjs";

/** The workspace's packages: `{ name, version, private, path, manifest }`. */
export async function workspacePackages(root) {
  const listed = await runStep("pnpm", ["ls", "-r", "--depth", "-1", "--json"], { cwd: root, quiet: true });
  if (listed.code !== 0) throw new ReleaseError(`pnpm ls failed: ${listed.output.trim().split("\n")[0]}`);
  return Promise.all(
    JSON.parse(listed.output).map(async (pkg) => ({
      ...pkg,
      manifest: JSON.parse(await readFile(join(pkg.path, "package.json"), "utf8")),
    })),
  );
}

/** The packages that get published: not private, with a version. */
export const publishable = (packages) => packages.filter((pkg) => !pkg.private && pkg.version);

/** The changeset files waiting to be versioned. */
export const pendingChangesets = (root) =>
  readdirSync(join(root, ".changeset")).filter((file) => file.endsWith(".md") && file !== "README.md");
