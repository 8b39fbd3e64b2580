import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { createServer, type Server } from "node:net";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, test } from "vitest";

const bin = fileURLToPath(new URL("../bin/cxkit-mock.js", import.meta.url));
const children: ChildProcess[] = [];

function runCli(...args: string[]) {
  const child = spawn(process.execPath, [bin, ...args], { stdio: ["ignore", "pipe", "pipe"] });
  children.push(child);
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => {
    stdout += chunk;
  });
  child.stderr.on("data", (chunk: Buffer) => {
    stderr += chunk;
  });
  const exited = once(child, "exit").then(([code]) => code as number | null);
  return { child, exited, output: () => ({ stdout, stderr }) };
}

/** Resolves the `name url` lines once the CLI has printed one per API. */
async function printedUrls(run: ReturnType<typeof runCli>, apis = 2): Promise<Record<string, string>> {
  // Note: no deadline of its own (the test's timeout is one), so a slow Prism start cannot fail it.
  for (;;) {
    const lines = run.output().stdout.trim().split("\n").filter(Boolean);
    if (lines.length >= apis) return Object.fromEntries(lines.map((line) => line.split(/\s+/)));
    if (run.child.exitCode !== null) break;
    await new Promise((wake) => setTimeout(wake, 100));
  }
  throw new Error(`cxkit-mock printed no URLs: ${JSON.stringify(run.output())}`);
}

afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill("SIGKILL");
});

describe("cxkit-mock", () => {
  test("prints both mocks' URLs, serves both specs, and stops cleanly on SIGTERM", async () => {
    const run = runCli();
    const urls = await printedUrls(run);
    expect(Object.keys(urls)).toEqual(["alpharun", "dixa"]);
    const alpharun = await fetch(`${urls.alpharun}/contacts`, { headers: { Authorization: "Bearer t" } });
    expect(alpharun.status).toBe(200);
    const dixa = await fetch(`${urls.dixa}/conversations/4242`, { headers: { Authorization: "t" } });
    expect(dixa.status).toBe(200);
    run.child.kill("SIGTERM");
    expect(await run.exited).toBe(0);
    await expect(fetch(`${urls.dixa}/conversations/4242`)).rejects.toThrow();
  }, 240_000);

  test("listens on the port it is given", async () => {
    const server = await listening();
    const port = (server.address() as { port: number }).port;
    await new Promise((done) => server.close(done));
    const run = runCli("--dixa-port", String(port));
    expect((await printedUrls(run)).dixa).toBe(`http://127.0.0.1:${port}`);
    run.child.kill("SIGTERM");
    expect(await run.exited).toBe(0);
  }, 240_000);

  test("exits 1 and names the API when its port is taken", async () => {
    const server = await listening();
    try {
      const run = runCli("--alpharun-port", String((server.address() as { port: number }).port));
      expect(await run.exited).toBe(1);
      expect(run.output().stderr).toMatch(/alpharun: .*already in use/);
    } finally {
      server.close();
    }
  }, 240_000);

  test("starts only the API it is given, on the port it is given", async () => {
    const server = await listening();
    const port = (server.address() as { port: number }).port;
    await new Promise((done) => server.close(done));
    const run = runCli("dixa", "--dixa-port", String(port));
    // Note: the CLI prints every started API's line at once.
    expect(await printedUrls(run, 1)).toEqual({ dixa: `http://127.0.0.1:${port}` });
    run.child.kill("SIGTERM");
    expect(await run.exited).toBe(0);
  }, 240_000);

  test.each([
    [["--dixa-port", "forty"], "--dixa-port must be a port number, got forty"],
    [["--verbose"], "Unknown option '--verbose'"],
    [["zendesk"], "unknown API zendesk: expected alpharun or dixa"],
    [["dixa", "--alpharun-port", "4010"], "--alpharun-port given, but alpharun is not started"],
  ])("exits 2 on the usage error %j, as cxkit does", async (args, message) => {
    const run = runCli(...args);
    expect(await run.exited).toBe(2);
    expect(run.output().stderr).toContain(`cxkit-mock: ${message}`);
    expect(run.output().stderr).toContain("cxkit-mock --help");
  });

  test("leaves no Prism running when it is killed with SIGKILL", async () => {
    const run = runCli("dixa");
    const { dixa } = await printedUrls(run, 1);
    run.child.kill("SIGKILL");
    await run.exited;
    // Prism sees its parent gone (its stdin closes) and exits: its port stops answering.
    while (
      await fetch(`${dixa}/conversations/4242`, { headers: { Authorization: "t" } }).then(
        () => true,
        () => false,
      )
    ) {
      await new Promise((wake) => setTimeout(wake, 100));
    }
  }, 240_000);

  test("prints usage with --help", async () => {
    const run = runCli("--help");
    expect(await run.exited).toBe(0);
    expect(run.output().stdout).toMatch(/^Usage: cxkit-mock/);
  });
});

function listening(): Promise<Server> {
  return new Promise((resolveServer) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => resolveServer(server));
  });
}
