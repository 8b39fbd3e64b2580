import { execFile } from "node:child_process";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, expect, test } from "vitest";

const run = promisify(execFile);
const packageDir = fileURLToPath(new URL("..", import.meta.url));
const repoSpecs = fileURLToPath(new URL("../../../specs/", import.meta.url));
let workDir: string;
let entries: string[];

beforeAll(async () => {
  workDir = await mkdtemp(join(tmpdir(), "cxkit-mocks-pack-"));
  await run("pnpm", ["pack", "--pack-destination", workDir], { cwd: packageDir });
  const [name] = (await readdir(workDir)).filter((file) => file.endsWith(".tgz"));
  const tarball = join(workDir, String(name));
  entries = (await run("tar", ["-tzf", tarball])).stdout.split("\n").filter(Boolean);
  await run("tar", ["-xzf", tarball, "-C", workDir]);
}, 240_000);

afterAll(() => rm(workDir, { recursive: true, force: true }));

test("the tarball ships both vendored specs, identical to the repository's", async () => {
  for (const api of ["alpharun", "dixa"]) {
    expect(entries).toContain(`package/specs/${api}/openapi.yaml`);
    const packed = await readFile(join(workDir, "package", "specs", api, "openapi.yaml"), "utf8");
    expect(packed).toBe(await readFile(join(repoSpecs, api, "openapi.yaml"), "utf8"));
  }
});

test("the tarball ships the bin, every entry's JavaScript and types, and no sources or tests", () => {
  expect(entries).toContain("package/bin/cxkit-mock.js");
  for (const entry of ["index", "vitest", "contract", "cli"]) {
    expect(entries).toContain(`package/dist/${entry}.js`);
    expect(entries).toContain(`package/dist/${entry}.d.ts`);
  }
  expect(entries.filter((entry) => /^package\/(src|test|scripts)\//.test(entry))).toEqual([]);
});
