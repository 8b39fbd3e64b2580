// `cxkit serve` as users run it: a real process (bin/cxkit.js over dist/), deliveries over HTTP on
// loopback, SIGTERM in the middle of a delivery, and no process left behind whatever the outcome.
import { type ChildProcess, spawn } from "node:child_process";
import { afterEach, beforeAll, describe, expect, test } from "vitest";
import { runCli } from "../../src/cli/run-cli.js";
import { cliPath, ensureBuilt } from "../support/built-cli.js";
import { captureIo } from "../support/capture-io.js";
import { delivery, eventBody, WEBHOOK_SECRET } from "../support/dixa-delivery.js";
import { scenario } from "../support/fixtures.js";
import { ALPHARUN_TOKEN, DIXA_KEY, type ScriptedServer } from "../support/scripted-server.js";
import { addConversation, type World } from "../support/world.js";

interface Served {
  child: ChildProcess;
  url: string;
  out: { stdout: string; stderr: string };
  exited: Promise<number | null>;
}

const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0))
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
});

beforeAll(() => ensureBuilt(), 120_000);

const envFor = (server: ScriptedServer, extra: Record<string, string> = {}) => ({
  PATH: process.env.PATH ?? "",
  ALPHARUN_API_TOKEN: ALPHARUN_TOKEN,
  DIXA_API_KEY: DIXA_KEY,
  ALPHARUN_BASE_URL: server.alpharunUrl,
  DIXA_BASE_URL: server.dixaUrl,
  DIXA_WEBHOOK_SECRET: WEBHOOK_SECRET,
  ...extra,
});

/** Starts `cxkit serve --port 0` and resolves once it says where it listens. */
function serve(env: Record<string, string>, args: string[] = ["--port", "0"]): Promise<Served> {
  const child = spawn(process.execPath, [cliPath, "serve", ...args], {
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.push(child);
  const out = { stdout: "", stderr: "" };
  const exited = new Promise<number | null>((done) => child.once("exit", (code) => done(code)));
  child.stdout?.on("data", (chunk: Buffer) => {
    out.stdout += chunk;
  });
  return new Promise((ready, fail) => {
    child.stderr?.on("data", (chunk: Buffer) => {
      out.stderr += chunk;
      const url = /listening on (http:\/\/\S+)/.exec(out.stderr)?.[1];
      if (url) ready({ child, url, out, exited });
    });
    void exited.then((code) =>
      fail(new Error(`cxkit serve exited (${code}) before listening: ${out.stderr}`)),
    );
  });
}

const contactField = (world: World) => {
  world.contactFieldKeys = new Set(["dixa_conversation_status"]);
};
const logLines = (served: Served) =>
  served.out.stdout
    .trim()
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Record<string, unknown>);

describe("cxkit serve", () => {
  test("receives both vendors' deliveries over HTTP and logs one JSON line each, without bodies or secrets", async () => {
    const { server, world } = await scenario(contactField);
    const { conversationId } = addConversation(world, { state: "Closed", email: "ann@example.com" });
    const served = await serve(envFor(server));
    const { body, headers } = delivery(eventBody(conversationId));

    const dixa = await fetch(`${served.url}/webhooks/dixa`, { method: "POST", body, headers });
    const forged = await fetch(`${served.url}/webhooks/dixa`, {
      method: "POST",
      body,
      headers: { "x-dixa-signature": "t=1,v1=00" },
    });
    const alpharun = await fetch(`${served.url}/webhooks/alpharun`, { method: "POST", body: "{}" });
    const health = await fetch(`${served.url}/healthz`);
    served.child.kill("SIGTERM");

    expect(await served.exited).toBe(0);
    expect([dixa.status, forged.status, alpharun.status, health.status]).toEqual([200, 401, 400, 200]);
    const lines = logLines(served);
    expect(lines.map((line) => `${line.route} ${line.status} ${line.outcome}`)).toEqual([
      "/webhooks/dixa 200 applied",
      "/webhooks/dixa 401 unauthorized",
      "/webhooks/alpharun 400 malformed",
    ]);
    expect(lines[0]).toMatchObject({
      eventFqn: "CONVERSATION_CLOSED",
      conversationId,
      time: expect.any(String),
    });
    for (const leak of [WEBHOOK_SECRET, ALPHARUN_TOKEN, DIXA_KEY, "ann@example.com", "Acme"]) {
      expect(served.out.stdout).not.toContain(leak);
    }
  });

  test("finishes a delivery in flight on SIGTERM, then exits 0", async () => {
    const { server, world } = await scenario(contactField, {}, { latencyMs: 300 });
    const { conversationId, contactId } = addConversation(world, { state: "Closed" });
    const served = await serve(envFor(server));
    const { body, headers } = delivery(eventBody(conversationId));
    const started = new Promise<void>((begun) => server.onAnswered(() => true, 1, begun));

    const answer = fetch(`${served.url}/webhooks/dixa`, { method: "POST", body, headers });
    await started;
    served.child.kill("SIGTERM");

    expect((await answer).status).toBe(200);
    expect(await served.exited).toBe(0);
    expect(served.out.stderr).toContain("stopping, finishing 1 deliveries in flight");
    expect(
      world.contacts.find((contact) => contact.id === contactId)?.fields.get("dixa_conversation_status"),
    ).toBe("Closed");
    expect(logLines(served)).toEqual([expect.objectContaining({ status: 200, outcome: "applied" })]);
  });

  test("names every missing credential at once and does not start", async () => {
    const { server } = await scenario(contactField);
    const env = envFor(server);
    const { ALPHARUN_API_TOKEN: _token, DIXA_WEBHOOK_SECRET: _secret, ...missing } = env;
    const child = spawn(process.execPath, [cliPath, "serve", "--port", "0"], { env: missing });
    children.push(child);
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk;
    });

    const code = await new Promise((done) => child.once("exit", done));

    expect(code).toBe(2);
    expect(stderr).toContain(
      "ALPHARUN_API_TOKEN and DIXA_WEBHOOK_SECRET are not set: set them in the environment (see cxkit --help)",
    );
    expect(stderr).not.toContain("createCx");
    expect(stderr.trim().split("\n")).toHaveLength(1);
  });
});

describe("cxkit serve's command line", () => {
  test.each([
    [["--port", "70000"], '--port takes a whole number from 0 to 65535, got "70000"'],
    [
      ["--contact-field", "csat=score"],
      "--contact-field takes key=source, the source one of conversationId, status",
    ],
    [["--verbose"], 'serve: unknown option "--verbose"'],
    [["extra"], 'serve: unexpected argument "extra"'],
  ])("refuses %j with one cxkit: line, exit status 2", async (args, message) => {
    const { io, out } = captureIo({});

    const status = await runCli(["serve", ...args], io);

    expect(status).toBe(2);
    expect(out.stderr).toContain(`cxkit: ${message}`);
    expect(out.stderr.trim().split("\n")).toHaveLength(1);
  });

  test.each([
    [
      "--host",
      ["--host", `${"h".repeat(9_999)} `],
      `--host takes an address to listen on, got "${"h".repeat(80)}…" (10000 characters)`,
    ],
    [
      "an unknown option",
      [`--${"v".repeat(10_000)}`],
      `serve: unknown option "--${"v".repeat(78)}…" (10002 characters)`,
    ],
  ])(
    "quotes a 10,000-character value in %s as its first 80 characters and its length",
    async (_where, args, message) => {
      const { io, out } = captureIo({});

      const status = await runCli(["serve", ...args], io);

      expect(status).toBe(2);
      expect(out.stderr).toContain(`cxkit: ${message}`);
      expect(out.stderr.length).toBeLessThan(400);
    },
  );
});
