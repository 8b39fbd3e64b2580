// A third vendor, added the way ARCHITECTURE.md says ("Add a vendor"), to a temporary copy of the
// repository: its upstream document, its overlay, its manifest entry, its package from the template,
// and no other edit. It then builds its spec, generates, builds, and serves a mock that its own
// client can call.
import { type ChildProcess, spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { once } from "node:events";
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, expect, test } from "vitest";
import { repoRoot } from "../apis.mjs";
import { exec } from "./helpers/temp-repo.js";

const API = "acme";
const fixtures = join(repoRoot, "scripts", "test", "fixtures", "third-vendor");
let dir: string;

/** Copies what adding a vendor touches or runs; installed node_modules are linked, not copied. */
function copyRepoForVendors(): string {
  const target = mkdtempSync(join(tmpdir(), "cxkit-vendor-"));
  for (const file of ["package.json", "pnpm-workspace.yaml", "tsconfig.base.json", "redocly.yaml"]) {
    cpSync(join(repoRoot, file), join(target, file));
  }
  cpSync(join(repoRoot, "specs"), join(target, "specs"), { recursive: true });
  mkdirSync(join(target, "scripts"));
  for (const file of [
    "apis.mjs",
    "generate.mjs",
    "manifest.mjs",
    "new-vendor.mjs",
    "normalize-spec.mjs",
    "spec-fixes.mjs",
    "specs",
    "specs-build.mjs",
    "validators",
    "vendor-template",
  ]) {
    cpSync(join(repoRoot, "scripts", file), join(target, "scripts", file), { recursive: true });
  }
  const mocks = join(target, "packages", "mocks");
  for (const part of ["package.json", "tsconfig.json", "tsconfig.build.json", "src", "bin"]) {
    cpSync(join(repoRoot, "packages", "mocks", part), join(mocks, part), { recursive: true });
  }
  symlinkSync(join(repoRoot, "node_modules"), join(target, "node_modules"));
  symlinkSync(join(repoRoot, "scripts", "node_modules"), join(target, "scripts", "node_modules"));
  symlinkSync(join(repoRoot, "packages", "mocks", "node_modules"), join(mocks, "node_modules"));
  return target;
}

/** Every file under `root` (links not followed) with a hash of its content. */
function snapshot(root: string, at = root, files = new Map<string, string>()): Map<string, string> {
  for (const entry of readdirSync(at, { withFileTypes: true })) {
    const path = join(at, entry.name);
    if (entry.isSymbolicLink() || entry.name === "dist") continue;
    if (entry.isDirectory()) snapshot(root, path, files);
    else files.set(relative(root, path), createHash("sha256").update(readFileSync(path)).digest("hex"));
  }
  return files;
}

async function run(command: string[], cwd = dir): Promise<string> {
  const result = await exec(process.execPath, command, cwd);
  if (result.code !== 0) throw new Error(`${command.join(" ")} failed:\n${result.stdout}${result.stderr}`);
  return result.stdout;
}

beforeAll(() => {
  dir = copyRepoForVendors();
});
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test("the template's dependencies are the vendor clients' own, so their install stands in for one", () => {
  const template = JSON.parse(
    readFileSync(join(repoRoot, "scripts", "vendor-template", "package.json.tmpl"), "utf8").replaceAll(
      "{{api}}",
      API,
    ),
  );
  const alpharun = JSON.parse(readFileSync(join(repoRoot, "packages", "alpharun", "package.json"), "utf8"));
  expect(template.dependencies).toEqual(alpharun.dependencies);
  expect(template.devDependencies).toEqual(alpharun.devDependencies);
});

test("a third vendor needs its document, its overlay, its manifest entry and its package, and then builds its spec, generates, builds and serves a mock", async () => {
  const before = snapshot(dir);
  const tsc = join(dir, "node_modules", "typescript-7", "bin", "tsc"); // what `pnpm build` runs

  // 1. The vendor's document, as retrieved, and our overlay (what we ship, with its sources).
  mkdirSync(join(dir, "specs", API, "upstream"), { recursive: true });
  cpSync(join(fixtures, "upstream.yaml"), join(dir, "specs", API, "upstream", "openapi.yaml"));
  cpSync(join(fixtures, "overlay.yaml"), join(dir, "specs", API, "overlay.yaml"));
  // 2. Its manifest entry: where the document came from.
  const manifestPath = join(dir, "specs", "manifest.json");
  const manifest = JSON.parse(readFileSync(manifestPath, "utf8"));
  manifest.apis[API] = {
    docs: ["https://docs.acme.invalid/api"],
    upstream: [
      {
        file: `specs/${API}/upstream/openapi.yaml`,
        url: "https://docs.acme.invalid/openapi.yaml",
        retrieved: "2026-12-01",
      },
    ],
  };
  writeFileSync(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
  // 3. The spec, built: it writes specs/acme/openapi.yaml, the hashes and version in the manifest.
  await run(["scripts/specs-build.mjs", API]);
  expect(readFileSync(join(dir, "specs", API, "openapi.yaml"), "utf8")).toContain("x-cxkit-source");
  await run(["scripts/manifest.mjs", "--check", API]);
  // 4. Its package, from the template.
  await run(["scripts/new-vendor.mjs", API]);
  const packageDir = join(dir, "packages", API);
  // Note: stands in for `pnpm install`, which would link the same dependencies (test above).
  symlinkSync(join(repoRoot, "packages", "alpharun", "node_modules"), join(packageDir, "node_modules"));

  // `pnpm generate` and `pnpm build` run these package scripts.
  const mocksDir = join(dir, "packages", "mocks");
  await Promise.all([
    run(["../../scripts/generate.mjs", API], packageDir),
    run(["../../scripts/generate.mjs", "--vendors"], mocksDir),
  ]);
  await Promise.all([
    run([tsc, "-p", "tsconfig.build.json"], packageDir),
    run([tsc, "-p", "tsconfig.build.json"], mocksDir),
  ]);
  expect(readFileSync(join(packageDir, "src", "generated", "schema.ts"), "utf8")).toContain(
    '"/widgets/{widgetId}"',
  );
  expect(readFileSync(join(dir, "packages", "mocks", "src", "generated", "vendors.ts"), "utf8")).toContain(
    '"acme"',
  );
  // Its drift checks come with it: validators generated from its spec, and the `validate` entry.
  const validate = await import(pathToFileURL(join(packageDir, "dist", "validate.js")).href);
  expect(validate.validateAcmeResponses({ mode: "throw" }).mode).toBe("throw");
  expect(Object.keys(validate.acmeValidators.responses).length).toBeGreaterThan(0);
  expect(readFileSync(join(packageDir, "src", "generated", "validate.ts"), "utf8")).toContain(
    `spec: "specs/${API}/openapi.yaml"`,
  );
  // And its live contract run: a table for `pnpm contract:live acme`, whose coverage names each GET
  // still without a case.
  const { acmeLiveCases } = await import(pathToFileURL(join(packageDir, "dist", "live-cases.js")).href);
  const { liveCaseCoverage } = await import(pathToFileURL(join(mocksDir, "dist", "contract.js")).href);
  const live = await liveCaseCoverage({
    spec: join(dir, "specs", API, "openapi.yaml"),
    table: acmeLiveCases,
  });
  expect([acmeLiveCases.credentialVariable, live.missing, live.problems]).toEqual([
    "ACME_API_TOKEN",
    ["GET /widgets/{widgetId}"],
    [],
  ]);

  // No edit outside the vendor's specs folder, its manifest entry, its package, generated files and
  // the generated overlay index.
  const after = snapshot(dir);
  const changed = [...after].filter(([file, hash]) => before.get(file) !== hash).map(([file]) => file);
  const removed = [...before.keys()].filter((file) => !after.has(file));
  expect(removed).toEqual([]);
  expect(
    changed.filter(
      (file) =>
        !file.startsWith(`specs/${API}/`) &&
        !file.startsWith(`packages/${API}/`) &&
        file !== "specs/manifest.json" &&
        file !== "specs/README.md" &&
        !file.includes("/src/generated/"),
    ),
  ).toEqual([]);

  // The mocks' CLI serves it, under its own flag, and the vendor's client calls it.
  let cli: ChildProcess | undefined;
  try {
    cli = spawn(process.execPath, ["packages/mocks/bin/cxkit-mock.js", API], { cwd: dir });
    let output = "";
    cli.stdout?.on("data", (chunk: Buffer) => {
      output += chunk;
    });
    cli.stderr?.on("data", (chunk: Buffer) => {
      output += chunk;
    });
    const exited = once(cli, "exit");
    while (!/http:\/\/\S+/.test(output)) {
      const ended = await Promise.race([
        exited.then(() => true),
        new Promise((wake) => setTimeout(wake, 100, false)),
      ]);
      if (ended) throw new Error(`cxkit-mock exited:\n${output}`);
    }
    const url = (/acme\s+(http:\/\/\S+)/.exec(output) as RegExpExecArray)[1] as string;
    const client = await import(pathToFileURL(join(packageDir, "dist", "index.js")).href);
    const { data, error } = await client
      .createAcmeClient({ token: "t", baseUrl: url })
      .GET("/widgets/{widgetId}", {
        params: { path: { widgetId: "w-1" } },
      });
    expect(error).toBeUndefined();
    expect(data).toEqual({ id: "w-1", name: "Sprocket" });
    const help = await run(["packages/mocks/bin/cxkit-mock.js", "--help"]);
    expect(help).toContain("--acme-port N");
  } finally {
    if (cli && cli.exitCode === null) {
      const exited = once(cli, "exit");
      cli.kill("SIGTERM");
      await exited;
    }
  }
  expect(existsSync(join(packageDir, "dist", "index.d.ts"))).toBe(true);
  expect(statSync(join(packageDir, "README.md")).size).toBeGreaterThan(0);
  expect(readFileSync(join(dir, "specs", "README.md"), "utf8")).toContain(
    "### `specs/acme/overlay.yaml`: 1 action in 1 group",
  );
}, 120_000);
