// `pnpm release` refuses each bad state with one line, before it versions anything or asks the
// registry: run on a scratch copy of this repository against a stand-in registry on 127.0.0.1 that
// records every request (none may arrive) and, for the last test, turns the token away.
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, expect, test } from "vitest";
import { lines, type RunResult } from "./support/run.js";
import { type ScratchRepo, scratchRepo } from "./support/scratch-repo.js";
import { setTagField } from "./support/spec-change.js";

const FIELD = "e2eReleaseNote";
const TOKEN = "release-refusals-token";

/** A registry stand-in: answers 404 (no package yet) or `status`, and keeps what it was asked. */
interface StandIn {
  url: string;
  status: number;
  requests: { method: string; url: string }[];
  server: Server;
}

let repo: ScratchRepo;
let registry: StandIn;

beforeAll(async () => {
  const requests: StandIn["requests"] = [];
  const standIn = { status: 404, requests } as StandIn;
  const server = createServer((request: IncomingMessage, response) => {
    requests.push({ method: request.method ?? "", url: request.url ?? "" });
    request.resume();
    response.writeHead(standIn.status, { "content-type": "application/json" }).end("{}");
  });
  await new Promise<void>((listening) => server.listen(0, "127.0.0.1", listening));
  standIn.server = server;
  standIn.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  registry = standIn;
  repo = await scratchRepo();
}, 600_000);

afterAll(async () => {
  await new Promise((closed) => registry?.server.close(closed));
  if (process.env.CXKIT_E2E_KEEP) return console.log(`kept ${repo?.dir}`);
  await repo?.remove();
});

/** `pnpm release ...args` in the scratch repository, against the stand-in registry. */
async function release(args: string[], env: Record<string, string | undefined>): Promise<RunResult> {
  const result = await repo.release(args, {
    CXKIT_REGISTRY: registry.url,
    CXKIT_REGISTRY_TOKEN: TOKEN,
    ...env,
  });
  expect(result.output).not.toContain(TOKEN);
  return result;
}

test("refuses each bad state with one line, before anything is versioned or published", async () => {
  const head = await repo.git("rev-parse", "HEAD");
  const refuses = async (args: string[], env: Record<string, string | undefined>, line: RegExp) => {
    const result = await release(args, env);
    expect(result.code, result.output).toBe(1);
    expect(lines(result.stderr)).toEqual([expect.stringMatching(line)]);
  };
  await refuses([], { CXKIT_REGISTRY: undefined }, /^release: CXKIT_REGISTRY is not set/);
  await refuses([], { CXKIT_REGISTRY_TOKEN: " " }, /^release: CXKIT_REGISTRY_TOKEN is not set/);
  await refuses(["--preview", "latest"], {}, /^release: --preview never publishes to latest/);

  await repo.write(
    "packages/dixa/README.md",
    `${await repo.read("packages/dixa/README.md")}\nNot committed.\n`,
  );
  await refuses(
    [],
    {},
    /^release: the working tree has uncommitted changes \(1 file, first "packages\/dixa\/README.md"\)/,
  );
  await repo.git("checkout", "--", "packages/dixa/README.md");

  const runtime = JSON.parse(await repo.read("packages/runtime/package.json"));
  runtime.dependencies["@cxkit/scripts"] = "workspace:*";
  await repo.write("packages/runtime/package.json", `${JSON.stringify(runtime, null, 2)}\n`);
  await repo.commitAll("runtime depends on a private package");
  await refuses(
    [],
    {},
    /^release: @cxkit\/runtime has dependencies "@cxkit\/scripts: workspace:\*", but @cxkit\/scripts is private/,
  );
  await repo.git("reset", "-q", "--hard", "HEAD~1");

  await setTagField(repo, FIELD, "string");
  await repo.write("specs/dixa/openapi.yaml", `${await repo.read("specs/dixa/openapi.yaml")}# by hand\n`);
  await repo.commitAll("spec edited by hand");
  await refuses(
    [],
    {},
    /^release: a spec is out of date with its upstream documents and overlay \(run: pnpm specs:build/,
  );
  await repo.git("reset", "-q", "--hard", "HEAD~1");

  await setTagField(repo, FIELD, "string");
  await repo.commitAll("spec changed, types not regenerated");
  await refuses([], {}, /^release: generated code is out of date with the specs \(run: pnpm generate/);
  await repo.git("reset", "-q", "--hard", "HEAD~1");

  expect(await repo.git("rev-parse", "HEAD")).toBe(head);
  expect(await repo.git("tag", "-l")).toBe("");
  expect(registry.requests, "a refused release asked the registry").toEqual([]);
});

test("refuses a registry that turns the token away, naming the status, before anything is versioned", async () => {
  const head = await repo.git("rev-parse", "HEAD");
  registry.status = 401;
  const result = await release([], {});
  expect(result.code, result.output).toBe(1);
  expect(lines(result.stderr)).toEqual([
    expect.stringMatching(
      /^release: the registry http:\/\/127\.0\.0\.1:\d+\/ answers 401 for @cxkit\/\w+: check CXKIT_REGISTRY and CXKIT_REGISTRY_TOKEN$/,
    ),
  ]);
  expect(registry.requests.every((request) => request.method === "GET")).toBe(true);
  expect(await repo.git("rev-parse", "HEAD")).toBe(head);
  expect(await repo.git("status", "--porcelain")).toBe("");
});
