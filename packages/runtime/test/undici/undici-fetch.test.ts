// The undici transport as a `fetch`: what the clients rely on, against a real local server.
import { spawnSync } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createRuntime, LiteRequest, TimeoutError } from "../../src/index.js";
import { CXKIT_TRANSPORT, type TransportInit } from "../../src/transport/lite-request.js";
import { createUndiciFetch } from "../../src/transport/undici.js";
import { RecordingClock } from "../support/clocks.js";
import { type ScriptedServer, startScriptedServer } from "../support/scripted-server.js";
import { createTestClient } from "../support/test-api.js";

const packageDir = fileURLToPath(new URL("../..", import.meta.url));
let server: ScriptedServer;
let other: ScriptedServer;
const undiciFetch = createUndiciFetch();
beforeAll(async () => {
  server = await startScriptedServer();
  other = await startScriptedServer();
});
afterAll(async () => {
  await undiciFetch.close();
  await Promise.all([server.close(), other.close()]);
});

describe("createUndiciFetch as a fetch", () => {
  test("returns a real Response with status, headers, url and a JSON body", async () => {
    server.reset();
    server.script({ status: 201, body: { id: "1" }, headers: { "x-request-id": "r1", "set-cookie": "a=1" } });
    const response = await undiciFetch(`${server.url}/items?x=1`);
    expect(response).toBeInstanceOf(Response);
    expect(response).toMatchObject({
      status: 201,
      ok: true,
      url: `${server.url}/items?x=1`,
      redirected: false,
    });
    expect(response.headers).toBeInstanceOf(Headers);
    expect(response.headers.get("X-Request-Id")).toBe("r1");
    expect(response.headers.has("content-type")).toBe(true);
    expect(() => response.headers.set("x", "y")).toThrow(TypeError);
    expect(Object.fromEntries(response.headers)).toMatchObject({ "x-request-id": "r1", "set-cookie": "a=1" });
    expect(response.headers.getSetCookie()).toEqual(["a=1"]);
    expect(await response.json()).toEqual({ id: "1" });
    expect(response.bodyUsed).toBe(true);
  });

  test("sends method, headers and a string body, with fetch's default headers when unset", async () => {
    server.reset();
    server.script({ status: 200, body: {} });
    await undiciFetch(`${server.url}/items`, { method: "post", headers: { "X-Custom": "1" }, body: "hello" });
    const [request] = server.requests;
    expect(request).toMatchObject({ method: "POST", url: "/items", body: "hello" });
    expect(request?.headers).toMatchObject({
      "x-custom": "1",
      accept: "*/*",
      "user-agent": "cxkit",
      "content-type": "text/plain;charset=UTF-8",
    });
  });

  test("takes a WHATWG Request, its body and an init that overrides it", async () => {
    server.reset();
    server.script({ status: 200, body: {} });
    const request = new Request(`${server.url}/items`, { method: "PUT", body: JSON.stringify({ a: 1 }) });
    await undiciFetch(request, { headers: { "content-type": "application/json" } });
    expect(server.requests[0]).toMatchObject({ method: "PUT", body: '{"a":1}' });
    expect(server.requests[0]?.headers["content-type"]).toBe("application/json");
  });

  test("sends URLSearchParams and binary bodies as fetch would", async () => {
    server.reset();
    server.script({ status: 200, body: {} });
    await undiciFetch(`${server.url}/form`, { method: "POST", body: new URLSearchParams({ a: "1 2" }) });
    await undiciFetch(`${server.url}/bin`, {
      method: "POST",
      body: new TextEncoder().encode("bytes").buffer,
    });
    expect(server.requests.map((r) => r.body)).toEqual(["a=1+2", "bytes"]);
    expect(server.requests[0]?.headers["content-type"]).toBe(
      "application/x-www-form-urlencoded;charset=UTF-8",
    );
  });

  test("reads text, arrayBuffer, blob, formData and a stream body", async () => {
    server.reset();
    server.script({
      status: 200,
      body: "a=1&b=2",
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    expect(await (await undiciFetch(server.url)).text()).toBe("a=1&b=2");
    expect(new TextDecoder().decode(await (await undiciFetch(server.url)).arrayBuffer())).toBe("a=1&b=2");
    expect(await (await (await undiciFetch(server.url)).blob()).text()).toBe("a=1&b=2");
    expect((await (await undiciFetch(server.url)).formData()).get("b")).toBe("2");
    const stream = (await undiciFetch(server.url)).body;
    expect(await new Response(stream).text()).toBe("a=1&b=2");
  });

  test("clone() gives two readable copies", async () => {
    server.reset();
    server.script({ status: 200, body: { id: "1" } });
    const response = await undiciFetch(server.url);
    const copy = response.clone();
    expect(copy).toMatchObject({ status: 200, url: response.url });
    expect(await copy.json()).toEqual({ id: "1" });
    expect(await response.text()).toBe('{"id":"1"}');
  });

  test("a 204 has a null body", async () => {
    server.reset();
    server.script({ status: 204 });
    const response = await undiciFetch(server.url, { method: "DELETE" });
    expect(response.status).toBe(204);
    expect(response.body).toBeNull();
    expect(await response.text()).toBe("");
  });

  test("follows redirects, turning a 303 into a GET without the body", async () => {
    server.reset();
    server.route((request) =>
      request.url === "/start"
        ? { status: 303, headers: { location: "/end" } }
        : { status: 200, body: { at: request.url } },
    );
    const response = await undiciFetch(`${server.url}/start`, { method: "POST", body: "x" });
    expect(response).toMatchObject({ status: 200, redirected: true, url: `${server.url}/end` });
    expect(server.requests.map((r) => `${r.method} ${r.url} ${r.body}`)).toEqual([
      "POST /start x",
      "GET /end ",
    ]);
    server.script({ status: 200, body: {} });
  });

  test("drops the Authorization header on a redirect to another origin", async () => {
    server.reset();
    other.reset();
    server.script({ status: 307, headers: { location: `${other.url}/elsewhere` } });
    other.script({ status: 200, body: {} });
    await undiciFetch(`${server.url}/start`, { headers: { authorization: "Bearer secret" } });
    expect(server.requests[0]?.headers.authorization).toBe("Bearer secret");
    expect(other.requests[0]?.headers.authorization).toBeUndefined();
  });

  test("redirect: manual returns the redirect, redirect: error rejects", async () => {
    server.reset();
    server.script({ status: 302, headers: { location: "/end" } });
    expect((await undiciFetch(server.url, { redirect: "manual" })).status).toBe(302);
    await expect(undiciFetch(server.url, { redirect: "error" })).rejects.toThrow(TypeError);
  });

  test("rejects with the signal's reason when aborted, and a TypeError with the cause on a network error", async () => {
    server.reset();
    server.script("hang");
    const controller = new AbortController();
    const call = undiciFetch(server.url, { signal: controller.signal });
    while (server.requests.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    const reason = new Error("stop");
    controller.abort(reason);
    await expect(call).rejects.toBe(reason);
    await expect(undiciFetch(server.url, { signal: AbortSignal.abort(reason) })).rejects.toBe(reason);

    server.script("reset");
    const error = await undiciFetch(server.url).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(TypeError);
    expect((error as TypeError).message).toBe("fetch failed");
    expect((error as TypeError).cause).toBeInstanceOf(Error);
  });

  test("rejects with a TimeoutError when no headers come within init.timeout", async () => {
    server.reset();
    server.script("hang");
    const error = await undiciFetch(server.url, { timeout: 100 }).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(DOMException);
    expect((error as DOMException).name).toBe("TimeoutError");
  });

  test("ends a body that stalls past init.timeout with a TimeoutError: the timeout covers the whole call", async () => {
    server.reset();
    server.script({ status: 200, body: { id: "1", name: "a" }, stallBody: true });
    const response = await undiciFetch(server.url, { timeout: 300 });
    const error = await response.text().catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(DOMException);
    expect((error as DOMException).name).toBe("TimeoutError");
  });

  test("relays one signal to any number of requests without a listener warning", async () => {
    server.reset();
    server.script({ status: 200, body: { id: "1" } });
    const warnings: Error[] = [];
    const record = (warning: Error) => warnings.push(warning);
    process.on("warning", record);
    try {
      const shared = new AbortController();
      await Promise.all(
        Array.from({ length: 50 }, () =>
          undiciFetch(server.url, { signal: shared.signal }).then((r) => r.json()),
        ),
      );
      await new Promise((resolve) => setImmediate(resolve));
    } finally {
      process.off("warning", record);
    }
    expect(warnings).toEqual([]);
  });
});

describe("with the runtime", () => {
  test("leaves a long timeout to the transport, whole, and reports the transport's TimeoutError as a timeout", async () => {
    const inits: TransportInit[] = [];
    const stalled = () =>
      new Response(
        new ReadableStream({
          start(controller) {
            controller.error(new DOMException("body stalled", "TimeoutError"));
          },
        }),
        { headers: { "content-type": "application/json" } },
      );
    const transport = Object.assign(
      async (_input: RequestInfo | URL, init: TransportInit = {}): Promise<Response> => {
        inits.push(init);
        return stalled();
      },
      { [CXKIT_TRANSPORT]: true },
    );
    const client = createTestClient("http://127.0.0.1:1", { fetch: transport, clock: new RecordingClock() });
    const error = await client
      .GET("/items/{id}", { params: { path: { id: "1" } } })
      .catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toMatchObject({
      attempts: 3,
      message: expect.stringMatching(
        /timed out after 60000 ms reading the body from http:\/\/127\.0\.0\.1:1 /,
      ),
    });
    // No signal of the runtime's own: the timeout rides on the init, and there is no caller signal.
    expect(inits).toEqual([{ timeout: 60_000 }, { timeout: 60_000 }, { timeout: 60_000 }]);
    // A short timeout is the runtime's: a signal of the attempt's own.
    await client
      .GET("/items/{id}", { params: { path: { id: "1" } }, timeout: 5_000, retry: false })
      .catch(() => {});
    expect(inits[3]?.timeout).toBeUndefined();
    expect(inits[3]?.signal).toBeInstanceOf(AbortSignal);
  });

  test("receives the runtime's LiteRequest as it is, body unread", async () => {
    server.reset();
    server.script({ status: 200, body: { id: "42", name: "renamed" } });
    const seen: unknown[] = [];
    const spy = Object.assign(
      (input: RequestInfo | URL, init?: RequestInit) => {
        seen.push(input);
        return undiciFetch(input, init);
      },
      { [CXKIT_TRANSPORT]: true },
    );
    const client = createTestClient(server.url, { fetch: spy });
    const { data } = await client.PATCH("/items/{id}", {
      params: { path: { id: "42" } },
      body: { name: "renamed" },
    });
    expect(data).toEqual({ id: "42", name: "renamed" });
    expect(LiteRequest.is(seen[0])).toBe(true);
    expect((seen[0] as LiteRequest).bodyUsed).toBe(false);
    expect(server.requests[0]?.body).toBe('{"name":"renamed"}');
  });

  test("a fetch that is not a transport gets a WHATWG Request with the body", async () => {
    const seen: Request[] = [];
    const runtime = createRuntime({
      fetch: async (request) => {
        seen.push(request);
        return new Response(await request.text(), { headers: { "content-type": "application/json" } });
      },
    });
    const request = new LiteRequest("http://127.0.0.1/items/1", { method: "PATCH", body: '{"a":1}' });
    const response = await runtime.fetch(request);
    expect(seen[0]).toBeInstanceOf(Request);
    expect(seen[0]).not.toBe(request);
    expect(await response.json()).toEqual({ a: 1 });
  });
});

test("loading the transport leaves Node's own fetch pool alone", async () => {
  // Note: in a fresh process (vitest may have loaded fetch already), from the entry point bundled
  // as a consumer would load it, with the npm undici left as an import.
  const dir = await mkdtemp(join(packageDir, "node_modules", ".trap-"));
  try {
    const entry = join(dir, "entry.mjs");
    await build({
      stdin: {
        contents: [
          'import { createUndiciFetch } from "./src/transport/undici.ts";',
          "const fast = createUndiciFetch();",
          'await fast("http://127.0.0.1:1").catch(() => {});',
          'const { Agent } = await import("undici");',
          'console.log(globalThis[Symbol.for("undici.globalDispatcher.1")] instanceof Agent);',
          "await fast.close();",
        ].join("\n"),
        resolveDir: packageDir,
        loader: "ts",
      },
      bundle: true,
      platform: "node",
      format: "esm",
      external: ["undici"],
      outfile: entry,
      logLevel: "silent",
    });
    const run = spawnSync(process.execPath, [entry], { encoding: "utf8" });
    expect(run.stderr).toBe("");
    expect(run.stdout.trim()).toBe("false");
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
