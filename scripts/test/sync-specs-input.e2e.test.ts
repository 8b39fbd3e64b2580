// End to end, on a temporary copy of the repository: where sync-specs takes the vendor's documents
// from (the manifest's URL, with conditional requests; --from), and what it does with an answer it
// must reject. Every rejection leaves the repository untouched.
import { readFileSync, writeFileSync } from "node:fs";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { parse, stringify } from "yaml";
import { apis } from "../apis.mjs";
import {
  changedFiles,
  cloneTemp,
  commitAll,
  copyRepo,
  exec,
  fixtureRepo,
  fixtureUpstream,
  git,
  remove,
  syncSpecs,
} from "./helpers/temp-repo.js";

interface Answer {
  status: number;
  headers?: Record<string, string>;
  body?: string;
}
let baseline: string;
let server: Server;
let base = "";
/** How the loopback upstream answers, by URL path; given the request's headers. */
const answers = new Map<string, (headers: IncomingHttpHeaders) => Answer>();
const seen: { url: string; headers: IncomingHttpHeaders }[] = [];
const dirs: string[] = [];

beforeAll(async () => {
  server = createServer((request, response) => {
    seen.push({ url: request.url ?? "", headers: request.headers });
    const answer = answers.get(request.url ?? "")?.(request.headers) ?? { status: 404 };
    response.writeHead(answer.status, answer.headers).end(answer.body);
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

/** A clone whose manifest fetches the fixture's document from `path` on the loopback server. */
async function cloneServedAt(path: string, extra: Record<string, string> = {}): Promise<string> {
  const dir = await cloneTemp(baseline);
  dirs.push(dir);
  const manifestFile = join(dir, "specs", "manifest.json");
  const manifest = JSON.parse(readFileSync(manifestFile, "utf8"));
  Object.assign(manifest.apis.alpharun.upstream[0], { url: `${base}${path}`, ...extra });
  writeFileSync(manifestFile, `${JSON.stringify(manifest, null, 2)}\n`);
  await commitAll(dir, "fetch from the loopback upstream");
  return dir;
}

const vendorDoc = (edit: (doc: ReturnType<typeof parse>) => void = () => {}) => {
  const doc = parse(readFileSync(fixtureUpstream, "utf8"));
  edit(doc);
  return stringify(doc);
};
const yaml = { "content-type": "application/yaml" };

describe("sync-specs input", () => {
  test("fetches from the manifest's url, records ETag and Last-Modified, and sends them back: a 304 is nothing to do", async () => {
    const dir = await cloneServedAt("/conditional/openapi.yaml");
    const lastModified = "Tue, 01 Dec 2026 10:00:00 GMT";
    answers.set("/conditional/openapi.yaml", (headers) =>
      headers["if-none-match"] === '"v2"'
        ? { status: 304 }
        : {
            status: 200,
            headers: { ...yaml, etag: '"v2"', "last-modified": lastModified },
            body: vendorDoc((doc) => (doc.info.description = "Now with a longer description.")),
          },
    );
    const first = await syncSpecs(dir, "alpharun");
    expect(first.code, first.stderr).toBe(0);
    const recorded = JSON.parse(readFileSync(join(dir, "specs", "manifest.json"), "utf8")).apis.alpharun
      .upstream[0];
    expect(recorded).toMatchObject({ etag: '"v2"', lastModified });
    await commitAll(dir, "first sync");

    const second = await syncSpecs(dir, "alpharun");
    expect(second.code, second.stderr).toBe(0);
    expect(second.stdout).toContain("alpharun: the upstream documents are as last retrieved; nothing to do");
    expect(seen.at(-1)?.headers).toMatchObject({
      "if-none-match": '"v2"',
      "if-modified-since": lastModified,
    });
    expect(await changedFiles(dir)).toEqual([]);
  }, 300_000);

  test.each([
    ["a 500", { status: 500 }, /fetching http:\/\/\S+ failed: HTTP 500 Internal Server Error/],
    [
      "an HTML page",
      { status: 200, headers: { "content-type": "text/html" }, body: "<html></html>" },
      /answered an HTML page, not an OpenAPI document/,
    ],
    [
      "text that is not OpenAPI",
      { status: 200, headers: yaml, body: "swagger: '2.0'\ninfo: {}\n" },
      /is not an OpenAPI 3.0\/3.1 document \(swagger 2.0\)/,
    ],
    [
      "text that does not parse",
      { status: 200, headers: yaml, body: "openapi: 3.0.3\npaths: [\n" },
      /does not parse as YAML or JSON/,
    ],
  ])(
    "reports %s as a clear error and writes nothing",
    async (kind, answer, message) => {
      const path = `/${kind.replaceAll(" ", "-")}/openapi.yaml`;
      answers.set(path, () => answer as Answer);
      const dir = await cloneServedAt(path);
      const result = await syncSpecs(dir, "alpharun");
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(message);
      expect(result.stderr).toContain("nothing in the repository was changed");
      expect(await changedFiles(dir)).toEqual([]);
    },
    300_000,
  );

  test("reports a network failure as a clear error and leaves the repository untouched", async () => {
    const dir = await cloneTemp(baseline);
    dirs.push(dir);
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const url = `http://127.0.0.1:${(closed.address() as AddressInfo).port}`;
    await new Promise((resolve) => closed.close(resolve));
    const result = await syncSpecs(dir, "alpharun", "--from", url);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      `sync-specs: could not fetch ${url}/openapi.yaml: ECONNREFUSED\nnothing in the repository was changed\n`,
    );
    expect(await changedFiles(dir)).toEqual([]);
  }, 300_000);

  test("rejects a build that fails lint and leaves the repository untouched", async () => {
    const dir = await cloneTemp(baseline);
    dirs.push(dir);
    // Note: redocly.yaml makes `operation-4xx-response` an error.
    answers.set("/lint/openapi.yaml", () => ({
      status: 200,
      headers: yaml,
      body: vendorDoc((doc) => {
        delete doc.paths["/notes/{noteId}"].delete.responses["404"];
        delete doc.paths["/notes/{noteId}"].delete.responses["401"];
      }),
    }));
    const result = await syncSpecs(dir, "alpharun", "--from", `${base}/lint`);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("fails lint");
    expect(result.stderr).toContain("operation-4xx-response");
    expect(await changedFiles(dir)).toEqual([]);
  }, 300_000);
});

describe("sync-specs on the committed specs", () => {
  test.each(Object.keys(apis))(
    "syncing %s from its committed upstream documents changes no file",
    async (name) => {
      const dir = copyRepo();
      dirs.push(dir);
      await git(dir, "init", "-q", "-b", "main");
      await commitAll(dir, "as committed");
      const result = await syncSpecs(dir, name, "--from", join(dir, apis[name].upstreamDir));
      expect(result.code, result.stderr).toBe(0);
      expect(result.stdout).toContain("nothing to do");
      expect(await changedFiles(dir)).toEqual([]);
      expect((await exec(process.execPath, ["scripts/specs-build.mjs", "--check", name], dir)).code).toBe(0);
    },
    60_000,
  );
});
