#!/usr/bin/env node
// Rebuilds each vendored spec from the vendor's documents and our overlay (scripts/specs/):
//   pnpm specs:build [api ...]           write specs/<api>/openapi.yaml, its manifest hash and the
//                                        overlay index in specs/README.md
//   pnpm specs:build [api ...] --check   fail when a committed spec (or the index) is not what the
//                                        build yields
// Fails, naming the action and its source, when an overlay action matches nothing, changes nothing
// or cannot be applied.
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { apis, repoRoot, selectApis } from "./apis.mjs";
import { updateManifest } from "./manifest.mjs";
import { SpecError } from "./normalize-spec.mjs";
import { buildSpec } from "./specs/build-spec.mjs";
import { describeAction, OverlayError } from "./specs/overlay-document.mjs";
import { renderReadme } from "./specs/overlay-index.mjs";

/** The build's overlay problems as lines, one per stale or conflicting action. */
export function problemLines(build) {
  return build.problems.map(
    (result) =>
      `${build.name}: overlay action ${describeAction(result)} is ${result.problem}: ${result.detail}`,
  );
}

export async function main(argv, { root = repoRoot, log = console.log } = {}) {
  const check = argv.includes("--check");
  const names = selectApis(argv.filter((arg) => !arg.startsWith("--")));
  const failures = [];
  const overlays = {};
  for (const name of names) {
    const build = await buildSpec(name, { root });
    overlays[name] = build.overlay;
    if (build.problems.length > 0) {
      failures.push(...problemLines(build));
      continue;
    }
    const file = join(root, apis[name].spec);
    const committed = await readFile(file, "utf8").catch(() => undefined);
    if (check) {
      if (committed !== build.text)
        failures.push(`${apis[name].spec} is not what its upstream and overlay build`);
      continue;
    }
    if (committed !== build.text) await writeFile(file, build.text);
    await updateManifest([name], { root });
    log(
      `built ${apis[name].spec} from ${apis[name].upstreamDir}/ and ${apis[name].overlay} (${build.results.length} actions)`,
    );
  }
  // Note: the index lists every API's overlay, whichever APIs were built.
  const readmeFile = join(root, "specs", "README.md");
  const readme = await readFile(readmeFile, "utf8").catch(() => undefined);
  if (readme !== undefined) {
    const indexed = await renderReadme(Object.keys(apis), root, overlays);
    if (check && indexed !== readme)
      failures.push("specs/README.md: its overlay index does not match the overlays");
    if (!check && indexed !== readme) await writeFile(readmeFile, indexed);
  }
  if (failures.length > 0) {
    throw new SpecError(`${failures.join("\n")}${check ? "\nrun: pnpm specs:build" : ""}`);
  }
  if (check) log(`${names.map((name) => apis[name].spec).join(", ")}: as built`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  try {
    await main(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof SpecError || error instanceof OverlayError)) throw error;
    console.error(`specs:build: ${error.message}`);
    process.exitCode = 1;
  }
}
