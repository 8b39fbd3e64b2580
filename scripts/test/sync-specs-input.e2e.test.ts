// End to end, on a temporary copy of the repository: where sync-specs takes its input from, and
// what it does with input it must reject.

import { readFileSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { parse } from "yaml";
import { apis } from "../apis.mjs";
import { today } from "../sync-specs.mjs";
import {
  changedFiles,
  cloneTemp,
  commitAll,
  copyRepo,
  exec,
  fixtureRepo,
  git,
  remove,
  type SpecDocument,
  syncSpecs,
} from "./helpers/temp-repo.js";

const spec = "specs/alpharun/openapi.yaml";
let baseline: string;
let server: Server;
let served = "";
let base = "";
// Note: each test runs pnpm and the generator in a temporary repository: minutes on a busy machine.
const dirs: string[] = [];

beforeAll(async () => {
  server = createServer((request, response) => {
    if (request.url === "/alpharun/openapi.yaml")
      response.writeHead(200, { "content-type": "application/yaml" }).end(served);
    else response.writeHead(404).end();
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

async function clone(): Promise<string> {
  const dir = await cloneTemp(baseline);
  dirs.push(dir);
  return dir;
}

function vendorFile(dir: string, text: string): string {
  const file = `${dir}-vendor.yaml`;
  writeFileSync(file, text);
  dirs.push(file);
  return file;
}

const edited = (dir: string, edit: (doc: SpecDocument) => void) => {
  const doc = parse(readFileSync(join(dir, spec), "utf8"));
  edit(doc);
  return JSON.stringify(doc);
};

describe("sync-specs input", () => {
  test("fetches the spec from the manifest's specUrl over HTTP", async () => {
    const dir = await clone();
    const manifestFile = join(dir, "specs", "manifest.json");
    const manifest = JSON.parse(readFileSync(manifestFile, "utf8"));
    manifest.apis.alpharun.specUrl = `${base}/alpharun/openapi.yaml`;
    writeFileSync(manifestFile, `${JSON.stringify(manifest, null, 2)}\n`);
    await commitAll(dir, "point at the local server");
    served = edited(dir, (doc) => {
      doc.paths["/notes"].get.parameters = [
        { name: "limit", in: "query", description: "Page size", schema: { type: "integer" } },
      ];
    });
    const result = await syncSpecs(dir, "alpharun");
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain("+ additive query parameter `limit`: optional parameter added");
    expect(readFileSync(join(dir, ".changeset", `alpharun-spec-${today()}.md`), "utf8")).toContain(
      '"@cxkit/alpharun": minor',
    );
    expect(JSON.parse(readFileSync(manifestFile, "utf8")).apis.alpharun.specUrl).toBe(
      `${base}/alpharun/openapi.yaml`,
    );
  }, 300_000);

  test("rejects a spec that fails lint and leaves the repository untouched", async () => {
    const dir = await clone();
    // Note: redocly.yaml makes `operation-4xx-response` an error.
    const from = vendorFile(
      dir,
      edited(
        dir,
        (doc) =>
          delete doc.paths["/notes/{noteId}"].delete.responses["404"] &&
          delete doc.paths["/notes/{noteId}"].delete.responses["401"],
      ),
    );
    const result = await syncSpecs(dir, "alpharun", "--from", from);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("fails lint");
    expect(result.stderr).toContain("operation-4xx-response");
    expect(result.stderr).toContain("nothing in the repository was changed");
    expect(await changedFiles(dir)).toEqual([]);
  }, 300_000);

  test("rejects a spec that does not parse and leaves the repository untouched", async () => {
    const dir = await clone();
    const result = await syncSpecs(dir, "alpharun", "--from", vendorFile(dir, "openapi: 3.0.3\npaths: [\n"));
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/does not parse as YAML or JSON/);
    expect(await changedFiles(dir)).toEqual([]);
  }, 300_000);

  test("reports a network failure as a clear error and leaves the repository untouched", async () => {
    const dir = await clone();
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const url = `http://127.0.0.1:${(closed.address() as AddressInfo).port}/openapi.yaml`;
    await new Promise((resolve) => closed.close(resolve));
    const result = await syncSpecs(dir, "alpharun", "--from", url);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      `sync-specs: could not fetch ${url}: ECONNREFUSED\nnothing in the repository was changed\n`,
    );
    expect(await changedFiles(dir)).toEqual([]);
  }, 300_000);
});

describe("sync-specs on the committed specs", () => {
  test.each(Object.keys(apis))(
    "syncing the committed %s spec unchanged changes no file",
    async (name) => {
      const dir = copyRepo();
      dirs.push(dir);
      const specFile = join(dir, apis[name].spec);
      // Note: the manifest is brought up to date first; `manifest.mjs --check` in CI guards it on its own.
      expect((await exec(process.execPath, ["scripts/manifest.mjs", "--update", name], dir)).code).toBe(0);
      await git(dir, "init", "-q", "-b", "main");
      await commitAll(dir, "as committed");
      const result = await syncSpecs(dir, name, "--from", specFile);
      expect(result.code, result.stderr).toBe(0);
      expect(result.stdout).toContain("nothing to do");
      expect(await changedFiles(dir)).toEqual([]);
    },
    60_000,
  );
});
