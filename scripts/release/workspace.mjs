// The workspace as the release sees it: its packages (as changesets finds them) and the pending changesets.
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { getPackages } from "@manypkg/get-packages";

/**
 * The workspace's packages, `{ name, version, private, path, manifest }`, from pnpm-workspace.yaml's
 * globs with @manypkg/get-packages: the list `changeset version` and `changeset publish` work from
 * (and no `pnpm ls` process per call).
 */
export async function workspacePackages(root) {
  const { packages } = await getPackages(root);
  return packages.map(({ dir, packageJson }) => ({
    name: packageJson.name,
    version: packageJson.version,
    private: packageJson.private === true,
    path: dir,
    manifest: packageJson,
  }));
}

/** The packages that get published: not private, with a version. */
export const publishable = (packages) => packages.filter((pkg) => !pkg.private && pkg.version);

/** The changeset files waiting to be versioned. */
export const pendingChangesets = (root) =>
  readdirSync(join(root, ".changeset")).filter((file) => file.endsWith(".md") && file !== "README.md");
