#!/usr/bin/env node
// Releases the packages to the registry named by CXKIT_REGISTRY (token in CXKIT_REGISTRY_TOKEN).
//   pnpm release                     version pending changesets (committed as "Version packages"),
//                                    build and test what is not on the registry yet, publish it
//   pnpm release --preview <name>    snapshot versions of what the pending changesets change, under
//                                    the dist-tag <name> only; the working tree is left as it was
//   --skip-tests                     leave out the test step (the registry e2e test: CI runs the suites)
// Refuses, before anything is versioned or published, a missing registry or token, a dirty tree,
// stale generated code and a `workspace:` range that would leak. Resumable: a rerun publishes only
// the versions the registry does not have and names the ones it has. See docs/releasing.md.
import { rm } from "node:fs/promises";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { repoRoot } from "./apis.mjs";
import {
  checkCleanTree,
  checkGenerated,
  checkPreviewName,
  checkWorkspaceRanges,
  ReleaseError,
  registryFromEnv,
} from "./release/checks.mjs";
import { registryState, temporaryNpmrc } from "./release/registry.mjs";
import { runStep } from "./release/run-step.mjs";
import { pendingChangesets, publishable, workspacePackages } from "./release/workspace.mjs";

const usage = "usage: pnpm release [--preview <name>] [--skip-tests]";
const bin = (name) => join(repoRoot, "node_modules", ".bin", name);
const list = (packages) => packages.map(({ name, version }) => `${name}@${version}`).join(", ");
const log = (line) => console.log(`release: ${line}`);

export async function release({ preview, skipTests }, env = process.env) {
  const { url: registry, token } = registryFromEnv(env);
  if (preview !== undefined) checkPreviewName(preview);
  checkCleanTree(repoRoot);
  const workspace = await workspacePackages(repoRoot);
  checkWorkspaceRanges(workspace);
  await checkGenerated(repoRoot);
  const pending = pendingChangesets(repoRoot);
  if (preview !== undefined && pending.length === 0) {
    throw new ReleaseError(
      "--preview needs a pending changeset (.changeset/*.md): there is nothing to preview",
    );
  }
  const current = publishable(workspace);
  const state = await registryState(
    registry,
    token,
    current.map(({ name }) => name),
  );
  const unreleased = current.filter(({ name, version }) => !state.get(name)?.versions.has(version));
  if (preview !== undefined && unreleased.length > 0) {
    throw new ReleaseError(
      `not on the registry yet: ${list(unreleased)}; run pnpm release first, or the preview would publish them under "${preview}"`,
    );
  }

  const npmrc = await temporaryNpmrc(registry, env);
  const childEnv = { ...env, ...npmrc.env, TURBO_TELEMETRY_DISABLED: "1" };
  const run = (command, args, options = {}) =>
    runStep(command, args, { cwd: repoRoot, env: childEnv, secret: token, ...options });
  const step = async (what, command, args, options) => {
    const { code } = await run(command, args, options);
    if (code !== 0) {
      const resume = preview === undefined ? "; fix it and run pnpm release again" : "";
      throw new ReleaseError(`${what} failed (exit ${code}): nothing was published${resume}`);
    }
  };
  try {
    if (preview !== undefined) {
      await step("changeset version --snapshot", bin("changeset"), ["version", "--snapshot", preview]);
    } else if (pending.length > 0) {
      await step("changeset version", bin("changeset"), ["version"]);
      await step("git add", "git", ["add", "-A"], { quiet: true });
      await step("committing the version bump", "git", ["commit", "-q", "-m", "Version packages"]);
    }
    const local = publishable(await workspacePackages(repoRoot));
    const has = ({ name, version }) => state.get(name)?.versions.has(version) ?? false;
    const already = local.filter(has);
    const missing = local.filter((pkg) => !has(pkg));
    if (preview === undefined && already.length > 0) log(`already on the registry: ${list(already)}`);
    if (missing.length === 0) {
      log("nothing to publish: the registry has every package's version");
      return 0;
    }
    log(`to publish: ${list(missing)}`);
    // Note: a clean build: no stale file in dist/ can ship. turbo replays a cached build only for
    // inputs it built from a clean dist/ before (every build script starts with `rm -rf dist`).
    for (const { path } of missing) await rm(join(path, "dist"), { recursive: true, force: true });
    const filters = missing.map(({ name }) => `--filter=${name}`);
    await step("the build", bin("turbo"), ["run", "build", ...filters, "--output-logs=errors-only"]);
    if (!skipTests)
      await step("the tests", bin("turbo"), ["run", "test", ...filters, "--output-logs=errors-only"]);

    const tag = preview ?? "latest";
    const flags = preview === undefined ? [] : ["--tag", preview, "--no-git-tag"];
    const publish = await run(bin("changeset"), ["publish", ...flags]);
    const after = await registryState(
      registry,
      token,
      missing.map(({ name }) => name),
    );
    const done = missing.filter(({ name, version }) => after.get(name)?.versions.has(version));
    const failed = missing.filter((pkg) => !done.includes(pkg));
    if (done.length > 0) log(`published under dist-tag ${tag}: ${list(done)}`);
    if (preview !== undefined && done.length > 0) {
      log(`try it: npm install ${done.map(({ name }) => `${name}@${preview}`).join(" ")}`);
    }
    if (failed.length > 0) {
      console.error(`release: not published: ${list(failed)}; run pnpm release again to publish the rest`);
      return 1;
    }
    if (preview === undefined && done.length > 0)
      log("push the version commit and its tags: git push --follow-tags");
    return publish.code;
  } finally {
    await npmrc.remove();
    // Note: a preview's versions are never committed; the tree was clean, so this undoes only the preview.
    if (preview !== undefined) {
      await run("git", ["reset", "-q", "--hard", "HEAD"], { quiet: true });
      await run("git", ["clean", "-q", "-fd"], { quiet: true });
    }
  }
}

async function main(argv) {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: { preview: { type: "string" }, "skip-tests": { type: "boolean" } },
    }));
  } catch (error) {
    console.error(`release: ${error.message}\n${usage}`);
    return 2;
  }
  try {
    return await release({ preview: values.preview, skipTests: values["skip-tests"] === true });
  } catch (error) {
    if (!(error instanceof ReleaseError)) throw error;
    console.error(`release: ${error.message}`);
    return 1;
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href)
  process.exitCode = await main(process.argv.slice(2));
