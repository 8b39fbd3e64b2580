// Pack-and-install test: packs every published @cxkit package, installs the tarballs with plain npm
// into a fresh project outside the workspace, and uses them there exactly as a consumer would.
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { catalog as workspaceCatalog } from "./support/consumer.js";
import { cleanEnv, ok, run as runIn } from "./support/run.js";
import { repoRoot } from "./support/scratch-repo.js";

const fixtures = fileURLToPath(new URL("../fixtures/consumer/", import.meta.url));
/** tests in fixtures/consumer/test, so a test that silently goes missing fails the count */
const CONSUMER_TESTS = 6;

interface Manifest {
  name: string;
  version: string;
  private?: boolean;
  exports?: Record<string, unknown>;
  bin?: Record<string, string>;
}

const published = await Promise.all(
  (await readdir(join(repoRoot, "packages"))).map(async (name) => {
    const dir = join(repoRoot, "packages", name);
    return { dir, manifest: JSON.parse(await readFile(join(dir, "package.json"), "utf8")) as Manifest };
  }),
).then((all) => all.filter(({ manifest }) => !manifest.private));

const catalog = await workspaceCatalog();

/**
 * A consumer's shell: without what pnpm, turbo and vitest set for this test run, but with the registry
 * and user config npm was given (the tools come from there; the tarballs are local).
 */
const consumerEnv = cleanEnv(
  Object.fromEntries(
    Object.entries(process.env).filter(([key]) => /^npm_config_(registry|userconfig)$/i.test(key)),
  ),
);
const run = (command: string, args: string[], cwd: string) => runIn(command, args, cwd, consumerEnv);

/**
 * The compilers a consumer may type-check us with, each pinned in the catalog: ours (5.9), the current
 * 6.x and 7.x, and TypeScript 7's native preview. A TypeScript release that breaks openapi-fetch's types
 * or ours fails here, not in a consumer's build.
 */
const compilers = [
  { tool: "typescript", bin: "node_modules/typescript/bin/tsc" },
  { tool: "typescript-6", bin: "node_modules/typescript-6/bin/tsc" },
  { tool: "typescript-7", bin: "node_modules/typescript-7/bin/tsc" },
  { tool: "@typescript/native-preview", bin: "node_modules/@typescript/native-preview/bin/tsgo" },
].map(({ tool, bin }) => {
  const pin = catalog[tool] ?? "";
  return { tool, bin, pin, version: pin.replace(/^npm:typescript@/, "") };
});

/** every specifier a consumer can import: each package's `exports` keys but `./package.json` */
const entries = published.flatMap(({ manifest }) =>
  Object.keys(manifest.exports ?? { ".": null })
    .filter((subpath) => subpath !== "./package.json")
    .map((subpath) => manifest.name + subpath.slice(1)),
);

let work = "";
let project = "";
let tarballs = "";

/** `pnpm pack`'s file name for a package: `@cxkit/mocks@0.1.0` -> `cxkit-mocks-0.1.0.tgz` */
const tarballName = ({ name, version }: Manifest) =>
  `${name.replace(/^@/, "").replace("/", "-")}-${version}.tgz`;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), "cxkit-e2e-"));
  expect(relative(repoRoot, work).startsWith(`..${sep}`), `${work} must lie outside the workspace`).toBe(
    true,
  );
  tarballs = join(work, "tarballs");
  project = join(work, "consumer");
  await mkdir(tarballs);
  // Note: `pnpm pack` (not npm) rewrites `workspace:^` and `catalog:` to real versions, as publishing does.
  for (const { dir } of published) await run("pnpm", ["pack", "--pack-destination", tarballs], dir).then(ok);
  await cp(fixtures, project, { recursive: true });
  await writeFile(
    join(project, "package.json"),
    `${JSON.stringify({ name: "cxkit-consumer", private: true, type: "module" }, null, 2)}\n`,
  );
  const tools = ["vitest", "@types/node", ...compilers.map(({ tool }) => tool)].map(
    (tool) => `${tool}@${catalog[tool]}`,
  );
  const tgz = published.map(({ manifest }) => join(tarballs, tarballName(manifest)));
  await run("npm", ["install", "--no-audit", "--no-fund", ...tgz, ...tools], project).then(ok);
}, 600_000);

afterAll(async () => {
  // Note: CXKIT_E2E_KEEP=1 keeps the consumer project for a look after a failure.
  if (work && !process.env.CXKIT_E2E_KEEP) await rm(work, { recursive: true, force: true });
  else if (work) console.log(`kept ${project}`);
});

test("installs every published package from its tarball, none from the registry", async () => {
  const lock = JSON.parse(await readFile(join(project, "package-lock.json"), "utf8")) as {
    packages: Record<string, { resolved?: string }>;
  };
  const cxkit = Object.entries(lock.packages).filter(([path]) => /(^|\/)node_modules\/@cxkit\//.test(path));
  expect(cxkit.map(([path]) => path).sort()).toEqual(
    published.map(({ manifest }) => `node_modules/${manifest.name}`).sort(),
  );
  for (const [path, entry] of cxkit) expect(entry.resolved, path).toMatch(/^file:/);
});

test("ships in dist only what the current sources build, and no sources or tests", async () => {
  for (const { dir, manifest } of published) {
    const files = ok(await run("tar", ["-tzf", join(tarballs, tarballName(manifest))], work)).stdout.split(
      "\n",
    );
    const built = files.filter((file) => file.startsWith("package/dist/"));
    expect(built.length, manifest.name).toBeGreaterThan(0);
    // Note: tsc never deletes output, so a renamed or deleted source leaves stale files in dist/.
    const stale = built.filter((file) => {
      const stem = file.slice("package/dist/".length).replace(/(\.d\.[cm]?ts|\.[cm]?js)(\.map)?$/, "");
      return !["ts", "mts", "tsx"].some((ext) => existsSync(join(dir, "src", `${stem}.${ext}`)));
    });
    expect(
      stale,
      `${manifest.name}: stale build output (rebuild from a clean dist/): ${stale.join(", ")}`,
    ).toEqual([]);
    expect(
      files.filter((file) => /^package\/(src|test)\//.test(file)),
      manifest.name,
    ).toEqual([]);
  }
});

test("every shipped source map points at files that ship, or carries their contents", async () => {
  for (const { manifest } of published) {
    const root = join(project, "node_modules", ...manifest.name.split("/"));
    const maps = (await readdir(root, { recursive: true })).filter((file) => file.endsWith(".map"));
    for (const file of maps) {
      const map = JSON.parse(await readFile(join(root, file), "utf8")) as {
        sources: string[];
        sourcesContent?: (string | null)[];
      };
      map.sources.forEach((source, i) => {
        const shipped = existsSync(join(root, file, "..", source));
        expect(
          shipped || typeof map.sourcesContent?.[i] === "string",
          `${manifest.name}/${file}: ${source}`,
        ).toBe(true);
      });
    }
  }
});

test(`imports every entry as ESM and require()s it on Node ${process.versions.node}`, async () => {
  const list = JSON.stringify(entries);
  const keys = "Object.keys(namespace).filter((key) => key !== '__esModule').sort()";
  await writeFile(
    join(project, "entries.mjs"),
    `const out = {};\nfor (const entry of ${list}) { const namespace = await import(entry); out[entry] = ${keys}; }\nconsole.log(JSON.stringify(out));\n`,
  );
  await writeFile(
    join(project, "entries.cjs"),
    `const out = {};\nfor (const entry of ${list}) { const namespace = require(entry); out[entry] = ${keys}; }\nconsole.log(JSON.stringify(out));\n`,
  );
  const esm = ok(await run(process.execPath, ["entries.mjs"], project));
  const cjs = ok(await run(process.execPath, ["entries.cjs"], project));
  const imported = JSON.parse(esm.stdout) as Record<string, string[]>;
  expect(Object.keys(imported)).toEqual(entries);
  for (const entry of entries) expect(imported[entry], entry).not.toEqual([]);
  expect(JSON.parse(cjs.stdout)).toEqual(imported);
});

describe.each(compilers)("$tool", ({ bin, pin, version }) => {
  test(`type-checks a strict consumer against the published .d.ts only, under ${version}`, async () => {
    expect(pin, "pinned in the catalog").not.toBe("");
    const installed = ok(await run(process.execPath, [bin, "--version"], project));
    expect(installed.stdout.trim()).toBe(`Version ${version}`);
    const tsc = await run(process.execPath, [bin, "-p", ".", "--listFiles"], project);
    const errors = tsc.stdout.split("\n").filter((line) => line.includes("error TS"));
    expect({ code: tsc.code, errors }).toEqual({ code: 0, errors: [] });
    const ours = tsc.stdout.split("\n").filter((file) => file.includes("/node_modules/@cxkit/"));
    expect(ours.length).toBeGreaterThan(0);
    expect(ours.filter((file) => !/\/node_modules\/@cxkit\/[^/]+\/dist\/.+\.d\.ts$/.test(file))).toEqual([]);
  });
});

test("runs a consumer's vitest suite against both mocks from @cxkit/mocks", async () => {
  const vitest = ok(
    await run(
      process.execPath,
      [
        "node_modules/vitest/vitest.mjs",
        "run",
        "--reporter=default",
        "--reporter=json",
        "--outputFile.json=report.json",
      ],
      project,
    ),
  );
  const report = JSON.parse(await readFile(join(project, "report.json"), "utf8"));
  expect({ passed: report.numPassedTests, failed: report.numFailedTests }, vitest.output).toEqual({
    passed: CONSUMER_TESTS,
    failed: 0,
  });
});

describe("cxkit-mock", () => {
  let child: ChildProcess | undefined;
  afterAll(() => {
    child?.kill("SIGKILL");
  });

  test("the installed bin serves both vendored specs and stops on SIGTERM", async () => {
    child = spawn(join(project, "node_modules", ".bin", "cxkit-mock"), [], {
      cwd: project,
      env: consumerEnv,
    });
    let stdout = "";
    child.stdout?.on("data", (chunk: Buffer) => {
      stdout += chunk;
    });
    const exited = new Promise<number | null>((done) => child?.once("exit", (code) => done(code)));
    // Note: no deadline of its own (the test's timeout is one), so a slow Prism start cannot fail it.
    while (stdout.trim().split("\n").length < 2 && child.exitCode === null) {
      await new Promise((wake) => setTimeout(wake, 100));
    }
    const urls = Object.fromEntries(
      stdout
        .trim()
        .split("\n")
        .map((line) => line.split(/\s+/)),
    ) as Record<string, string>;
    expect(Object.keys(urls)).toEqual(["alpharun", "dixa"]);
    expect(
      (await fetch(`${urls.alpharun}/contacts`, { headers: { Authorization: "Bearer t" } })).status,
    ).toBe(200);
    expect((await fetch(`${urls.dixa}/conversations/4242`, { headers: { Authorization: "t" } })).status).toBe(
      200,
    );
    child.kill("SIGTERM");
    expect(await exited).toBe(0);
  });
});
