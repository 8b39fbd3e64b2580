import { execFile } from "node:child_process";
import { join } from "node:path";
import { promisify } from "node:util";
import { expect, test } from "vitest";
import { ensureBuilt, packageRoot } from "../support/built-cli.js";

const run = promisify(execFile);

test("the demo runs a dry run and a real sync against Prism mocks of both specs", async () => {
  ensureBuilt();
  const { stdout } = await run(process.execPath, [join(packageRoot, "..", "..", "scripts", "demo.mjs")], {
    env: { ...process.env, ALPHARUN_API_TOKEN: "", DIXA_API_KEY: "" },
    timeout: 240_000,
  });
  expect(stdout).toContain("Dry run: nothing was written.");
  expect(stdout).toContain("Result: planned");
  expect(stdout).toMatch(/issue_resolved\s+issue_resolved\s+applied\s+\["yes"\]/);
  expect(stdout).toContain("Result: applied");
}, 300_000);
