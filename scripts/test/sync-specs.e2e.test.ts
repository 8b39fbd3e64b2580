// End to end, on a temporary copy of the repository: a vendor change goes in through sync-specs
// and comes out as spec, manifest, generated types and a changeset with the right bump.
import { createHash } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { parse } from "yaml";
import { today } from "../sync-specs.mjs";
import {
  changedFiles,
  cloneTemp,
  commitAll,
  exec,
  fixtureRepo,
  git,
  remove,
  type SpecDocument,
  syncSpecs,
} from "./helpers/temp-repo.js";

const generated = "packages/alpharun/src/generated/schema.ts";
const validators = "packages/alpharun/src/generated/validate.ts";
const spec = "specs/alpharun/openapi.yaml";
let baseline: string;
// Note: each test runs pnpm and the generator in a temporary repository: minutes on a busy machine.
const dirs: string[] = [];

beforeAll(async () => {
  baseline = await fixtureRepo();
}, 300_000);
afterAll(() => {
  for (const dir of [baseline, ...dirs]) remove(dir);
});

/** A clone of the baseline and a vendor spec in it: the baseline's spec changed by `edit`. */
async function vendorChange(edit: (doc: SpecDocument) => void): Promise<{ dir: string; from: string }> {
  const dir = await cloneTemp(baseline);
  dirs.push(dir);
  const doc = parse(readFileSync(join(dir, spec), "utf8"));
  edit(doc);
  const from = join(dir, "..", `${dir.split("/").pop()}-vendor.json`);
  writeFileSync(from, JSON.stringify(doc, null, 2));
  dirs.push(from);
  return { dir, from };
}

const changeset = (dir: string) => join(dir, ".changeset", `alpharun-spec-${today()}.md`);
const read = (dir: string, file: string) => readFileSync(join(dir, file), "utf8");

describe("sync-specs", () => {
  test("an added optional request field gives a minor changeset and the field in the types", async () => {
    const { dir, from } = await vendorChange((doc) => {
      doc.info.version = "1.1.0";
      doc.components.schemas.NewNote.properties.color = { type: "string", description: "Colour of the note" };
    });
    const result = await syncSpecs(dir, "alpharun", "--from", from);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("+ additive request body › color: optional field added");
    expect(await changedFiles(dir)).toEqual(
      [
        `.changeset/alpharun-spec-${today()}.md`,
        generated,
        validators,
        "specs/alpharun/openapi.yaml",
        "specs/manifest.json",
      ].sort(),
    );
    expect(read(dir, generated)).toMatch(/\/\*\* @description Colour of the note \*\/\n\s+color\?: string;/);
    const text = readFileSync(changeset(dir), "utf8");
    expect(text).toMatch(/^---\n"@cxkit\/alpharun": minor\n---\n/);
    expect(text).toContain(
      "- `POST /notes` (createNote)\n  - additive: request body › color: optional field added",
    );
    const manifest = JSON.parse(read(dir, "specs/manifest.json")).apis.alpharun;
    expect(manifest).toMatchObject({ specVersion: "1.1.0", retrieved: today() });
    expect(manifest.sha256).toBe(createHash("sha256").update(read(dir, spec)).digest("hex"));
    expect((await exec(process.execPath, ["scripts/manifest.mjs", "--check", "alpharun"], dir)).code).toBe(0);
    expect((await exec(process.execPath, ["scripts/generate.mjs", "--check", "alpharun"], dir)).code).toBe(0);

    // changesets itself bumps the dependents: @cxkit/sdk depends on @cxkit/alpharun.
    const plan = await exec(
      join(dir, "node_modules", ".bin", "changeset"),
      ["status", "--output=plan.json"],
      dir,
    );
    expect(plan.code, plan.stderr).toBe(0);
    const releases = JSON.parse(read(dir, "plan.json")).releases.map(
      (r: { name: string; type: string; newVersion: string }) => [r.name, r.type, r.newVersion],
    );
    expect(releases).toContainEqual(["@cxkit/alpharun", "minor", "0.2.0"]);
    expect(releases).toContainEqual(["@cxkit/sdk", "patch", "0.1.1"]);
    expect(releases.map(([name]: string[]) => name)).not.toContain("@cxkit/dixa");
  }, 300_000);

  test("a removed operation gives a major changeset", async () => {
    const { dir, from } = await vendorChange((doc) => delete doc.paths["/notes/{noteId}"]);
    const result = await syncSpecs(dir, "alpharun", "--from", from);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain("! breaking operation: operation removed");
    expect(readFileSync(changeset(dir), "utf8")).toMatch(/^---\n"@cxkit\/alpharun": major\n---\n/);
    expect(read(dir, generated)).not.toContain("deleteNote");
  }, 300_000);

  test("a changed description gives a patch changeset", async () => {
    const { dir, from } = await vendorChange((doc) => {
      doc.components.schemas.Note.properties.text.description = "The text of the note, in Markdown";
    });
    const result = await syncSpecs(dir, "alpharun", "--from", from);
    expect(result.code, result.stderr).toBe(0);
    expect(readFileSync(changeset(dir), "utf8")).toMatch(/^---\n"@cxkit\/alpharun": patch\n---\n/);
    expect(read(dir, generated)).toContain("The text of the note, in Markdown");
  }, 300_000);

  test("a change that does not reach the generated types updates spec and manifest, no changeset", async () => {
    // Note: openapi-typescript copies descriptions and examples into JSDoc, so those do reach the
    // types (a patch); tag and info texts do not.
    const { dir, from } = await vendorChange((doc) => {
      doc.tags[0].description = "Short notes about a customer.";
    });
    const result = await syncSpecs(dir, "alpharun", "--from", from);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain("~ cosmetic tags: documentation changed");
    expect(result.stdout).toContain("generated types unchanged: no changeset for @cxkit/alpharun");
    expect(await changedFiles(dir)).toEqual(["specs/alpharun/openapi.yaml", "specs/manifest.json"]);
    expect(existsSync(changeset(dir))).toBe(false);
  }, 300_000);

  test("running it twice on the same input changes nothing the second time", async () => {
    const { dir, from } = await vendorChange((doc) => {
      doc.components.schemas.Note.properties.pinned = { type: "boolean", description: "Pinned to the top" };
    });
    expect((await syncSpecs(dir, "alpharun", "--from", from)).code).toBe(0);
    await commitAll(dir, "sync");
    const again = await syncSpecs(dir, "alpharun", "--from", from);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toContain("nothing to do");
    expect(await changedFiles(dir)).toEqual([]);
  }, 300_000);
});

describe("changeset guard", () => {
  const guard = (dir: string) =>
    exec(process.execPath, ["scripts/changeset-guard.mjs", "--base", "main"], dir);

  test("fails for a package changed since the base without a changeset, passes once one names it", async () => {
    const dir = await cloneTemp(baseline);
    dirs.push(dir);
    await git(dir, "checkout", "-q", "-b", "feature");
    writeFileSync(
      join(dir, "packages/dixa/src/index.ts"),
      `${read(dir, "packages/dixa/src/index.ts")}// touched\n`,
    );
    // A sync of alpharun brings a changeset, but it does not name @cxkit/dixa.
    const from = join(`${dir}-vendor.json`);
    dirs.push(from);
    const doc = parse(read(dir, spec));
    doc.paths["/notes"].get.summary = "List all notes";
    writeFileSync(from, JSON.stringify(doc));
    expect((await syncSpecs(dir, "alpharun", "--from", from)).code).toBe(0);
    await commitAll(dir, "sync and touch dixa");

    const failing = await guard(dir);
    expect(failing.code).toBe(1);
    expect(failing.stderr).toContain(
      "@cxkit/dixa (packages/dixa) changed since main but no changeset names it",
    );
    expect(failing.stderr).not.toContain("@cxkit/alpharun");

    writeFileSync(join(dir, ".changeset", "dixa-touch.md"), '---\n"@cxkit/dixa": patch\n---\n\nA comment.\n');
    await commitAll(dir, "changeset for dixa");
    const passing = await guard(dir);
    expect(passing.stderr).toBe("");
    expect(passing.stdout).toContain("every package changed since main has a changeset");
    expect(passing.code).toBe(0);
  }, 300_000);

  test("accepts an empty changeset as the statement that no release is needed", async () => {
    const dir = await cloneTemp(baseline);
    dirs.push(dir);
    await git(dir, "checkout", "-q", "-b", "feature");
    writeFileSync(
      join(dir, "packages/dixa/src/index.ts"),
      `${read(dir, "packages/dixa/src/index.ts")}// touched\n`,
    );
    writeFileSync(join(dir, ".changeset", "no-release.md"), "---\n---\n");
    await commitAll(dir, "touch dixa, no release");
    const result = await guard(dir);
    expect(result.code, result.stderr).toBe(0);
  }, 300_000);

  test("skips with a note when there is no base to compare against", async () => {
    const dir = await cloneTemp(baseline);
    dirs.push(dir);
    await git(dir, "remote", "remove", "origin");
    const result = await exec(process.execPath, ["scripts/changeset-guard.mjs"], dir);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("changeset guard: skipped, no base ref");
  }, 300_000);
});
