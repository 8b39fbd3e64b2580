// The path a consumer lives, through a real npm registry (Verdaccio on 127.0.0.1): `pnpm release` of a
// scratch copy of this repository, a fresh npm project that installs from that registry only, then a
// spec change released as a preview, a minor and a major. One registry, one scratch repository and
// one consumer for the whole file: the tests build on each other and run in order. Refusals, which
// need no registry, are release-refusals.test.ts.
import { readdir, readFile, rm } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import { type Consumer, consumerProject } from "./support/consumer.js";
import { commands, readmeBlock } from "./support/readme.js";
import { type RefusingProxy, startRefusingProxy } from "./support/refusing-proxy.js";
import { lines, ok, type RunResult, run } from "./support/run.js";
import { type ScratchRepo, scratchRepo } from "./support/scratch-repo.js";
import { changeset, gateTest, probe, setTagField } from "./support/spec-change.js";
import { type Registry, startRegistry } from "./support/verdaccio.js";

/** the dist-tag of the preview, and the field the spec change adds (then removes) */
const PREVIEW = "dixa-note";
const FIELD = "e2eReleaseNote";
/** tests in examples/consumer/test, so a test that silently goes missing fails the count */
const EXAMPLE_TESTS = 5;
/** the consumer's file that reads the field through the facade */
const fieldProbe = ["src/field-probe.ts"];

let registry: Registry | undefined;
let proxy: RefusingProxy | undefined;
let repo: ScratchRepo;
let consumer: Consumer | undefined;
const outputs: string[] = [];
/** the consumer's preparation: resolves to its error, if any */
let preparing: Promise<unknown> = Promise.resolve();

beforeAll(async () => {
  [registry, repo] = await Promise.all([startRegistry(), scratchRepo()]);
  proxy = await startRefusingProxy(registry.url);
  // Note: the consumer gets its tools (through the registry's uplink) while the first release builds.
  const made = consumerProject(registry.url, registry.token);
  preparing = made.then(
    (project) => {
      consumer = project;
    },
    (error: unknown) => error,
  );
}, 600_000);

afterAll(async () => {
  await preparing;
  await proxy?.close();
  await registry?.stop();
  // Note: CXKIT_E2E_KEEP=1 keeps the scratch repository and the consumer for a look after a failure.
  if (process.env.CXKIT_E2E_KEEP) return console.log(`kept ${repo?.dir} and ${consumer?.dir}`);
  await Promise.all([repo?.remove(), consumer?.remove()]);
});

const reg = () => registry as Registry;
/** The consumer project, once a test has installed our packages into it. */
const theConsumer = (): Consumer => {
  if (!consumer) throw new Error("no consumer project: its preparation failed (see the first failing test)");
  return consumer;
};
const list = (names: string[], versions: Record<string, string>) =>
  names.map((name) => `${name}@${versions[name]}`).join(", ");

/** `pnpm release ...args` in the scratch repository, publishing through the proxy. */
async function release(args: string[], env: Record<string, string | undefined> = {}): Promise<RunResult> {
  const result = await repo.release(args, {
    CXKIT_REGISTRY: proxy?.url,
    CXKIT_REGISTRY_TOKEN: reg().token,
    ...env,
  });
  outputs.push(result.output);
  return result;
}

/** The published packages of the scratch repository and their versions. */
async function localVersions(): Promise<Record<string, string>> {
  const found: Record<string, string> = {};
  for (const dir of (await readdir(join(repo.dir, "packages"))).sort()) {
    const manifest = JSON.parse(await repo.read(`packages/${dir}/package.json`));
    if (!manifest.private) found[manifest.name] = manifest.version;
  }
  return found;
}

interface Packument {
  versions: Record<string, Record<string, unknown>>;
  "dist-tags": Record<string, string>;
  time?: { modified?: string };
}

async function onRegistry(name: string): Promise<Packument> {
  const response = await fetch(new URL(name.replace("/", "%2f"), reg().url));
  if (response.status === 404) return { versions: {}, "dist-tags": {} };
  expect(response.status).toBe(200);
  return (await response.json()) as Packument;
}

test("the README's Releasing section shows the commands this file runs", async () => {
  const block = await readmeBlock("Releasing", "sh");
  expect(commands(block, "pnpm release")).toEqual(["pnpm release", "pnpm release --preview <name>"]);
  expect(commands(block, "export")).toEqual([
    "export CXKIT_REGISTRY=https://<your-registry>/ CXKIT_REGISTRY_TOKEN=...",
  ]);
});

test("publishes every package; a run the registry stops at the second of five leaves a state the next run completes", async () => {
  proxy?.refusePublish(2);
  const first = await release(["--skip-tests"]);
  expect(first.code, first.output).toBe(1);
  expect(proxy?.refused).toHaveLength(1);
  const refused = proxy?.refused[0] ?? "";
  const versions = await localVersions();
  const names = Object.keys(versions);
  expect(names).toHaveLength(5);
  expect(await repo.git("log", "-1", "--format=%s")).toBe("Version packages\n");
  expect(first.stderr).toContain(
    `release: not published: ${refused}@${versions[refused]}; run pnpm release again`,
  );
  const others = names.filter((name) => name !== refused);
  for (const name of names) {
    expect(Object.keys((await onRegistry(name)).versions), name).toEqual(
      name === refused ? [] : [versions[name]],
    );
  }

  const second = await release(["--skip-tests"]);
  expect(second.code, second.output).toBe(0);
  expect(second.stdout).toContain(`release: already on the registry: ${list(others, versions)}\n`);
  expect(second.stdout).toContain(`release: published under dist-tag latest: ${list([refused], versions)}\n`);
  for (const name of names) {
    const packument = await onRegistry(name);
    expect(packument["dist-tags"], name).toEqual({ latest: versions[name] });
    expect(JSON.stringify(packument.versions[versions[name] ?? ""]), name).not.toMatch(
      /"(workspace|catalog):/,
    );
  }
  const tags = (await repo.git("tag", "-l")).split("\n").filter(Boolean);
  expect(tags.sort()).toEqual(names.map((name) => `${name}@${versions[name]}`).sort());
});

test("a second release with nothing new publishes nothing", async () => {
  const names = Object.keys(await localVersions());
  const head = await repo.git("rev-parse", "HEAD");
  const before = await Promise.all(names.map(onRegistry));
  const again = await release(["--skip-tests"]);
  expect(again.code, again.output).toBe(0);
  expect(again.stdout).toContain("release: nothing to publish: the registry has every package's version\n");
  expect(await repo.git("rev-parse", "HEAD")).toBe(head);
  expect(await Promise.all(names.map(onRegistry))).toEqual(before);
});

test("a fresh npm project installs @cxkit/sdk and @cxkit/mocks from the registry only and passes the example consumer's tests against the mocks", async () => {
  expect(await preparing).toBeUndefined();
  if (!consumer) throw new Error("no consumer project");
  await consumer.installFromReadme();
  const lock = JSON.parse(await readFile(join(consumer.dir, "package-lock.json"), "utf8")) as {
    packages: Record<string, { resolved?: string; link?: boolean }>;
  };
  const sources = Object.entries(lock.packages).filter(([path]) => path !== "");
  expect(sources.length).toBeGreaterThan(50);
  expect(sources.filter(([, entry]) => !entry.resolved?.startsWith(reg().url)).map(([path]) => path)).toEqual(
    [],
  );
  const versions = await localVersions();
  expect(await consumer.installed("@cxkit/sdk")).toBe(versions["@cxkit/sdk"]);
  expect(await consumer.installed("@cxkit/mocks")).toBe(versions["@cxkit/mocks"]);
  expect(await consumer.typecheck()).toEqual({ code: 0, errors: [] });

  const vitest = await run(
    process.execPath,
    [
      "node_modules/vitest/vitest.mjs",
      "run",
      "--reporter=default",
      "--reporter=json",
      "--outputFile.json=report.json",
    ],
    consumer.dir,
  );
  const report = JSON.parse(await readFile(join(consumer.dir, "report.json"), "utf8"));
  expect({ passed: report.numPassedTests, failed: report.numFailedTests }, vitest.output).toEqual({
    passed: EXAMPLE_TESTS,
    failed: 0,
  });
});

test("a preview of a spec change installs by its dist-tag while latest stays put", async () => {
  const client = theConsumer();
  await setTagField(repo, FIELD, "string");
  ok(await run("pnpm", ["generate"], repo.dir));
  await repo.write(
    ".changeset/dixa-release-note.md",
    changeset({ "@cxkit/dixa": "minor" }, `\`Tag.${FIELD}\` is typed.`),
  );
  await repo.commitAll("dixa: Tag.e2eReleaseNote");
  const head = await repo.git("rev-parse", "HEAD");
  const tags = await repo.git("tag", "-l");
  const released = ["@cxkit/dixa", "@cxkit/sdk", "@cxkit/runtime"];
  const latest = await Promise.all(
    released.map(async (name) => (await onRegistry(name))["dist-tags"].latest),
  );

  const preview = await release(["--preview", PREVIEW, "--skip-tests"]);
  expect(preview.code, preview.output).toBe(0);
  // Note: @cxkit/sdk's range of @cxkit/dixa (^1) still holds, so changesets leaves it alone.
  expect(preview.stdout).toContain(`release: try it: npm install @cxkit/dixa@${PREVIEW}\n`);
  expect(await repo.git("status", "--porcelain")).toBe("");
  expect(await repo.git("rev-parse", "HEAD")).toBe(head);
  expect(await repo.git("tag", "-l")).toBe(tags);
  for (const [i, name] of released.entries()) {
    const distTags = (await onRegistry(name))["dist-tags"];
    expect(distTags.latest, name).toBe(latest[i]);
    if (name === "@cxkit/dixa") expect(distTags[PREVIEW]).toMatch(new RegExp(`^0\\.0\\.0-${PREVIEW}-\\d+$`));
    else expect(distTags[PREVIEW], name).toBeUndefined();
  }

  const previewProbe = ["src/preview-probe.ts"];
  await client.write("src/preview-probe.ts", probe.dixa(FIELD));
  expect((await client.typecheck(previewProbe)).errors).toEqual([
    expect.stringContaining(`Property '${FIELD}' does not exist`),
  ]);
  ok(await client.npm(["install", `@cxkit/dixa@${PREVIEW}`]));
  expect(await client.typecheck(previewProbe)).toEqual({ code: 0, errors: [] });
  ok(await client.npm(["uninstall", "@cxkit/dixa"]));
  await rm(join(client.dir, "src/preview-probe.ts"));
});

test("a minor spec change: a failing test stops the release, and once it passes npm update brings the new field", async () => {
  const client = theConsumer();
  // Note: the scratch copy's suite of @cxkit/dixa (the one package released) is cut to one test, to keep the gate fast.
  const cut = ["unit", "contract", "drift", "types"].map((dir) => `packages/dixa/test/${dir}`);
  await repo.git("rm", "-r", "-q", ...cut);
  await repo.write("packages/dixa/test/release-gate.test.ts", gateTest(false));
  await repo.commitAll("dixa's suite: one failing test");
  const failing = await release([]);
  expect(failing.code, failing.output).toBe(1);
  expect(lines(failing.stderr).at(-1)).toBe(
    "release: the tests failed (exit 1): nothing was published; fix it and run pnpm release again",
  );
  const versions = await localVersions();
  expect(Object.keys((await onRegistry("@cxkit/dixa")).versions)).not.toContain(versions["@cxkit/dixa"]);

  await repo.write("packages/dixa/test/release-gate.test.ts", gateTest(true));
  await repo.commitAll("dixa's suite passes");
  const passing = await release([]);
  expect(passing.code, passing.output).toBe(0);
  expect(passing.stdout).toContain(
    `release: published under dist-tag latest: ${list(["@cxkit/dixa"], versions)}\n`,
  );

  await client.write("src/field-probe.ts", probe.sdk(FIELD));
  expect((await client.typecheck(fieldProbe)).errors).toEqual([
    expect.stringContaining(`Property '${FIELD}' does not exist`),
  ]);
  ok(await client.npm(["update", ...Object.keys(await localVersions())]));
  expect(await client.installed("@cxkit/dixa")).toBe(versions["@cxkit/dixa"]);
  expect(await client.typecheck(fieldProbe)).toEqual({ code: 0, errors: [] });
});

test("a major spec change: npm update keeps the old call compiling, and taking the major makes it fail", async () => {
  const client = theConsumer();
  await setTagField(repo, FIELD, undefined);
  ok(await run("pnpm", ["generate"], repo.dir));
  const note = `\`Tag.${FIELD}\` is gone: stop reading it.`;
  await repo.write(
    ".changeset/dixa-release-note-gone.md",
    changeset({ "@cxkit/dixa": "major", "@cxkit/sdk": "major" }, note),
  );
  await repo.commitAll("dixa: Tag.e2eReleaseNote removed");
  const major = await release(["--skip-tests"]);
  expect(major.code, major.output).toBe(0);
  const versions = await localVersions();
  expect(versions["@cxkit/sdk"]).toMatch(/^2\./);

  const before = await client.installed("@cxkit/sdk");
  ok(await client.npm(["update", ...Object.keys(await localVersions())]));
  expect(await client.installed("@cxkit/sdk")).toBe(before);
  expect(await client.typecheck(fieldProbe)).toEqual({ code: 0, errors: [] });

  ok(await client.npm(["install", "@cxkit/sdk@latest"]));
  expect(await client.installed("@cxkit/sdk")).toBe(versions["@cxkit/sdk"]);
  const { code, errors } = await client.typecheck(fieldProbe);
  expect(code).not.toBe(0);
  expect(errors).toEqual([
    expect.stringMatching(new RegExp(`^src/field-probe\\.ts.*Property '${FIELD}' does not exist`)),
  ]);
  const changelog = await readFile(join(client.dir, "node_modules/@cxkit/sdk/CHANGELOG.md"), "utf8");
  expect(changelog).toContain(`## ${versions["@cxkit/sdk"]}\n\n### Major Changes`);
  expect(changelog).toContain(note);
});

test("no credential reaches the scratch repository, a temp file or the output", async () => {
  const token = reg().token;
  expect(outputs.filter((output) => output.includes(token))).toEqual([]);
  // Note: `git grep` exits 1 when nothing matches: tracked and untracked files, ignored ones aside.
  const found = await run("git", ["grep", "-F", "-l", "--untracked", token], repo.dir);
  expect({ code: found.code, files: found.stdout }).toEqual({ code: 1, files: "" });
  expect(await readdir(repo.releaseTmp)).toEqual([]);
});
