#!/usr/bin/env node
// Sums the vitest JSON reports of every workspace package into CI's closing line `N passed, N failed`:
// each package's `test-report.json` (its tests) and `test-report.types.json` (its type tests, where
// its typecheck task runs them).
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { repoRoot } from "./apis.mjs";

const workspaceDirs = ["packages", "examples"].flatMap((group) => {
  const dir = join(repoRoot, group);
  return existsSync(dir) ? readdirSync(dir).map((name) => join(dir, name)) : [];
});
const reports = [...workspaceDirs, join(repoRoot, "scripts"), join(repoRoot, "e2e"), join(repoRoot, "bench")]
  .flatMap((dir) => [join(dir, "test-report.json"), join(dir, "test-report.types.json")])
  .filter((file) => existsSync(file));

let passed = 0;
let failed = 0;
for (const file of reports) {
  const report = JSON.parse(readFileSync(file, "utf8"));
  passed += report.numPassedTests ?? 0;
  failed += report.numFailedTests ?? 0;
  // Note: a test file that fails to load has no failed test, yet is a failure all the same.
  failed += (report.testResults ?? []).filter(
    (suite) =>
      suite.status === "failed" && (suite.assertionResults ?? []).every((t) => t.status !== "failed"),
  ).length;
}
// Note: a run that failed before any test (a build error, say) must not close as green.
const runStatus = Number(process.argv[process.argv.indexOf("--run-status") + 1] ?? 0) || 0;
if (reports.length === 0 || (runStatus !== 0 && failed === 0)) failed += 1;
console.log(`${passed} passed, ${failed} failed`);
