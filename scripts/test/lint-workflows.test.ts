import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, test } from "vitest";
import { lintWorkflows, ruleProblems } from "../lint-workflows.mjs";

const dir = mkdtempSync(join(tmpdir(), "cxkit-workflows-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const CHECKOUT = "actions/checkout@3d3c42e5aac5ba805825da76410c181273ba90b1 # v7.0.1";
const workflow = (
  steps: string,
  { top = "permissions: {}\n", job = "    permissions:\n      contents: read\n" } = {},
) => `name: t\non: push\n${top}jobs:\n  build:\n    runs-on: ubuntu-latest\n${job}    steps:\n${steps}`;

test("passes the repository's workflows", () => {
  const result = spawnSync(process.execPath, ["lint-workflows.mjs"], {
    cwd: join(import.meta.dirname, ".."),
    encoding: "utf8",
  });
  expect(result.stderr).toBe("");
  expect(result.stdout).toMatch(/^lint-workflows: [3-9] workflow files, 0 problems$/m);
  expect(result.status).toBe(0);
});

test("accepts an action pinned to a commit SHA with its tag beside it", () => {
  expect(ruleProblems(workflow(`      - uses: ${CHECKOUT}\n`))).toEqual([]);
});

test("names an action pinned to a tag, or to a SHA without its tag", () => {
  const text = workflow(
    "      - uses: actions/checkout@v7\n      - uses: actions/setup-node@820762786026740c76f36085b0efc47a31fe5020\n",
  );
  expect(ruleProblems(text)).toEqual([
    "10: actions/checkout@v7 must be pinned to a full commit SHA with its tag in a comment (@<sha> # vX.Y.Z)",
    "11: actions/setup-node@820762786026740c76f36085b0efc47a31fe5020 must be pinned to a full commit SHA with its tag in a comment (@<sha> # vX.Y.Z)",
  ]);
});

test("requires permissions: {} at the top and a permissions block on every job", () => {
  const text = workflow(`      - uses: ${CHECKOUT}\n`, { top: "permissions: write-all\n", job: "" });
  expect(ruleProblems(text)).toEqual([
    "permissions: {} must stand at the top, so a job gets only what it asks for",
    "jobs.build must declare its permissions (the least it needs)",
  ]);
});

test("reports what actionlint finds, with file, line and column", async () => {
  const file = join(dir, "broken.yml");
  writeFileSync(file, workflow(`      - uses: ${CHECKOUT}\n      - run: echo "\${{ matrix.node }}"\n`));
  const problems = await lintWorkflows([file]);
  expect(problems).toHaveLength(1);
  expect(problems[0]).toMatch(
    /broken\.yml:11:\d+: property "node" is not defined in object type \{\} \[expression\]$/,
  );
});
