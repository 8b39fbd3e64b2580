// End to end, on a temporary copy of the repository whose alpharun API is the small e2e fixture: a
// vendor change served by a loopback server goes in through sync-specs and comes out as upstream
// document, spec, manifest, generated types and a changeset with the right bump; what we do not
// ship is listed and generates nothing; a correction the vendor made redundant stops the sync.
import { createHash } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { parse, stringify } from "yaml";
import { today } from "../sync-specs.mjs";
import {
  changedFiles,
  cloneTemp,
  commitAll,
  exec,
  fixtureRepo,
  fixtureUpstream,
  git,
  remove,
  type SpecDocument,
  syncSpecs,
} from "./helpers/temp-repo.js";

const generated = "packages/alpharun/src/generated/schema.ts";
const validators = "packages/alpharun/src/generated/validate.ts";
const spec = "specs/alpharun/openapi.yaml";
const upstream = "specs/alpharun/upstream/openapi.yaml";
let baseline: string;
let server: Server;
let base = "";
/** What the loopback upstream serves, by URL path. */
const served = new Map<string, string>();
// Note: each test runs the generator (and Redocly) in a temporary repository: minutes on a busy machine.
const dirs: string[] = [];

beforeAll(async () => {
  server = createServer((request, response) => {
    const body = served.get(request.url ?? "");
    if (body === undefined) response.writeHead(404).end();
    else response.writeHead(200, { "content-type": "application/yaml" }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  baseline = await fixtureRepo();
}, 300_000);
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  for (const dir of [baseline, ...dirs]) remove(dir);
});

/** A clone of the baseline, and the vendor's document changed by `edit`, served under `--from`. */
async function vendorChange(
  id: string,
  edit: (doc: SpecDocument) => void,
): Promise<{ dir: string; from: string }> {
  const dir = await cloneTemp(baseline);
  dirs.push(dir);
  const doc = parse(readFileSync(fixtureUpstream, "utf8"));
  edit(doc);
  served.set(`/${id}/openapi.yaml`, stringify(doc));
  return { dir, from: `${base}/${id}` };
}

const changeset = (dir: string) => join(dir, ".changeset", `alpharun-spec-${today()}.md`);
const read = (dir: string, file: string) => readFileSync(join(dir, file), "utf8");

describe("sync-specs on a vendor change", () => {
  test("a new optional response field in a shipped operation gives a minor changeset and the field in the types", async () => {
    const { dir, from } = await vendorChange("field", (doc) => {
      doc.info.version = "1.1.0";
      doc.components.schemas.Note.properties.pinned = { type: "boolean", description: "Pinned to the top" };
    });
    const result = await syncSpecs(dir, "alpharun", "--from", from);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("+ additive response 200 › data[].pinned: optional field added");
    expect(await changedFiles(dir)).toEqual(
      [
        `.changeset/alpharun-spec-${today()}.md`,
        generated,
        validators,
        spec,
        "specs/manifest.json",
        upstream,
      ].sort(),
    );
    expect(read(dir, generated)).toMatch(/\/\*\* @description Pinned to the top \*\/\n\s+pinned\?: boolean;/);
    expect(readFileSync(changeset(dir), "utf8")).toMatch(/^---\n"@cxkit\/alpharun": minor\n---\n/);
    const manifest = JSON.parse(read(dir, "specs/manifest.json")).apis.alpharun;
    expect(manifest.specVersion).toBe("1.1.0");
    expect(manifest.upstream[0]).toMatchObject({ retrieved: today() });
    expect(manifest.upstream[0].sha256).toBe(createHash("sha256").update(read(dir, upstream)).digest("hex"));
    for (const check of [
      ["scripts/manifest.mjs", "--check"],
      ["scripts/specs-build.mjs", "--check"],
      ["scripts/generate.mjs", "--check", "alpharun"],
    ]) {
      const outcome = await exec(process.execPath, check, dir);
      expect(outcome.code, `${check.join(" ")}: ${outcome.stdout}${outcome.stderr}`).toBe(0);
    }

    // changesets itself bumps the dependents: @cxkit/sdk depends on @cxkit/alpharun.
    const plan = await exec(
      join(dir, "node_modules", ".bin", "changeset"),
      ["status", "--output=plan.json"],
      dir,
    );
    expect(plan.code, plan.stderr).toBe(0);
    const releases = JSON.parse(read(dir, "plan.json")).releases.map((r: { name: string; type: string }) => [
      r.name,
      r.type,
    ]);
    expect(releases).toContainEqual(["@cxkit/alpharun", "minor"]);
    expect(releases).toContainEqual(["@cxkit/sdk", "patch"]);
    expect(releases.map(([name]: string[]) => name)).not.toContain("@cxkit/dixa");
  }, 300_000);

  test("a parameter made required in a shipped operation gives a major changeset", async () => {
    const { dir, from } = await vendorChange("required", (doc) => {
      doc.paths["/notes"].get.parameters[0].required = true;
    });
    const result = await syncSpecs(dir, "alpharun", "--from", from);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain("! breaking query parameter `limit`: parameter is now required");
    expect(readFileSync(changeset(dir), "utf8")).toMatch(
      /^---\n"@cxkit\/alpharun": major\n"@cxkit\/sdk": major\n---\n/,
    );
    expect(read(dir, generated)).toMatch(/limit: number;/);
  }, 300_000);

  test("an enum value removed from a shipped request body gives a major changeset", async () => {
    const { dir, from } = await vendorChange("enum", (doc) => {
      doc.components.schemas.NewNote.properties.color.enum = ["yellow", "blue"];
    });
    const result = await syncSpecs(dir, "alpharun", "--from", from);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain("! breaking request body › color: enum value removed");
    expect(readFileSync(changeset(dir), "utf8")).toMatch(
      /^---\n"@cxkit\/alpharun": major\n"@cxkit\/sdk": major\n---\n/,
    );
    expect(read(dir, generated)).toContain('color?: "yellow" | "blue";');
  }, 300_000);

  test("a change only in an operation we do not ship is listed, and nothing is generated", async () => {
    const { dir, from } = await vendorChange("unshipped", (doc) => {
      doc.paths["/archive"].get.parameters = [{ name: "before", in: "query", schema: { type: "string" } }];
      doc.paths["/export"] = {
        post: {
          operationId: "exportNotes",
          responses: {
            "202": { description: "Accepted" },
            "401": { $ref: "#/components/responses/Unauthorized" },
          },
        },
      };
    });
    const result = await syncSpecs(dir, "alpharun", "--from", from);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain(
      "alpharun: specs/alpharun/openapi.yaml unchanged (what changed is not shipped",
    );
    expect(result.stdout).toContain("changed: GET /archive (listArchivedNotes)");
    expect(result.stdout).toContain("query parameter `before`: optional parameter added");
    expect(result.stdout).toContain("added: POST /export (exportNotes)");
    // The vendor's document is recorded as fetched; the spec, the types and the changesets are not touched.
    expect(await changedFiles(dir)).toEqual(["specs/manifest.json", upstream].sort());
    expect(existsSync(changeset(dir))).toBe(false);
  }, 300_000);

  test("a vendor change under one of our corrections is reported with the action, its source, and what changed", async () => {
    const { dir, from } = await vendorChange("under", (doc) => {
      doc.components.schemas.Note.properties.createdAt.format = "date";
    });
    const result = await syncSpecs(dir, "alpharun", "--from", from);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain("vendor changes under our corrections (the overlay still overrides them");
    expect(result.stdout).toContain(
      "#4 [component schemas/Note] $.components.schemas.Note.properties.createdAt.format (source: observed: the fixture vendor sends 2021-12-01T12:46:36.581Z[GMT])",
    );
    expect(result.stdout).toContain('at .0: was "date-time", now "date"');
    expect(await changedFiles(dir)).toEqual(["specs/manifest.json", upstream].sort());
  }, 300_000);

  test("a vendor fix that makes a correction redundant is reported stale with its source, and nothing is written", async () => {
    const { dir, from } = await vendorChange("fixed", (doc) => {
      delete doc.components.schemas.Note.properties.createdAt.format;
    });
    const result = await syncSpecs(dir, "alpharun", "--from", from);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      "alpharun: overlay action #4 [component schemas/Note] $.components.schemas.Note.properties.createdAt.format (source: observed: the fixture vendor sends 2021-12-01T12:46:36.581Z[GMT]) is stale: target matches nothing",
    );
    expect(result.stderr).toContain("review them in specs/alpharun/overlay.yaml");
    expect(result.stderr).toContain("nothing in the repository was changed");
    expect(await changedFiles(dir)).toEqual([]);
  }, 300_000);

  test("running it twice on the same upstream changes nothing the second time", async () => {
    const { dir, from } = await vendorChange("twice", (doc) => {
      doc.components.schemas.Note.properties.pinned = { type: "boolean", description: "Pinned to the top" };
    });
    expect((await syncSpecs(dir, "alpharun", "--from", from)).code).toBe(0);
    await commitAll(dir, "sync");
    const again = await syncSpecs(dir, "alpharun", "--from", from);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toContain("the upstream documents are as last retrieved; nothing to do");
    expect(await changedFiles(dir)).toEqual([]);
  }, 300_000);
});

describe("changeset guard", () => {
  const guard = (dir: string) =>
    exec(process.execPath, ["scripts/changeset-guard.mjs", "--base", "main"], dir);

  test("fails for a package changed since the base without a changeset, passes once one names it", async () => {
    const { dir, from } = await vendorChange("guard", (doc) => {
      doc.paths["/notes"].get.summary = "List all notes";
    });
    await git(dir, "checkout", "-q", "-b", "feature");
    writeFileSync(
      join(dir, "packages/dixa/src/index.ts"),
      `${read(dir, "packages/dixa/src/index.ts")}// touched\n`,
    );
    // A sync of alpharun brings a changeset, but it does not name @cxkit/dixa.
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
