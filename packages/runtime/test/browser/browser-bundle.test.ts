// What a browser bundle of the runtime gets (package.json `browser` map): the platform's `Request`
// and no transport protocol. Built here from the sources with the same map, and run against a
// local server, so the browser path keeps the behaviour of the default one.
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { build, type Plugin } from "esbuild";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { type ScriptedServer, startScriptedServer } from "../support/scripted-server.js";

const packageDir = join(import.meta.dirname, "..", "..");
let server: ScriptedServer;
let dir: string;
let runtime: typeof import("../../src/index.js");
let bundleText: string;

/** The package's `browser` map, from `./dist/x.js` to `./dist/y.js`, applied to the sources. */
async function browserMap(): Promise<Plugin> {
  const manifest = JSON.parse(await readFile(join(packageDir, "package.json"), "utf8"));
  const toSource = (path: string) =>
    join(packageDir, path.replace(/^\.\/dist\//, "src/").replace(/\.js$/, ".ts"));
  const map = new Map(
    Object.entries(manifest.browser as Record<string, string>).map(([from, to]) => [
      toSource(from),
      toSource(to),
    ]),
  );
  return {
    name: "browser-map",
    setup(esbuild) {
      esbuild.onResolve({ filter: /^\./ }, (args) => {
        const resolved = join(args.resolveDir, args.path.replace(/\.js$/, ".ts"));
        const mapped = map.get(resolved);
        return mapped ? { path: mapped } : undefined;
      });
    },
  };
}

beforeAll(async () => {
  server = await startScriptedServer();
  dir = await mkdtemp(join(packageDir, "node_modules", ".browser-"));
  const result = await build({
    entryPoints: [join(packageDir, "src", "index.ts")],
    bundle: true,
    format: "esm",
    platform: "browser",
    write: false,
    plugins: [await browserMap()],
    logLevel: "silent",
  });
  bundleText = result.outputFiles[0]?.text ?? "";
  const file = join(dir, "runtime.mjs");
  await writeFile(file, bundleText);
  runtime = await import(pathToFileURL(file).href);
});
afterAll(async () => {
  await server.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

type Paths = {
  "/items/{id}": {
    get: {
      parameters: { path: { id: string } };
      responses: { 200: { content: { "application/json": { id: string } } } };
    };
  };
};

function client(options: Record<string, unknown> = {}) {
  const vendor = {
    factory: "createBrowserClient",
    credential: "token",
    baseUrl: server.url,
    authorization: (token: string) => `Bearer ${token}`,
    idempotentOperations: [],
    rateLimit: false as const,
  };
  return runtime.createApiClient<Paths>(vendor, "browser-token-123456", {
    retry: { minDelay: 1 },
    ...options,
  });
}

describe("the browser bundle", () => {
  test("leaves out LiteRequest and the Node transport", () => {
    expect(bundleText).not.toContain("fetchInit(");
    expect(bundleText).not.toContain("toRequest(");
    expect(bundleText).not.toContain("node:");
    // Note: a timer per attempt (timeout.browser.ts), not Node's shared timer and reused signals.
    expect(bundleText).not.toContain("MAX_USES");
  });

  test("hands openapi-fetch the platform's Request, and still accepts one a middleware returns", () => {
    expect(new runtime.LiteRequest("http://127.0.0.1/")).toBeInstanceOf(Request);
    expect(new Request("http://127.0.0.1/")).toBeInstanceOf(runtime.LiteRequest);
    expect(runtime.LiteRequest.is(new runtime.LiteRequest("http://127.0.0.1/"))).toBe(false);
  });

  test("retries a 503 and returns the data, with the token sent", async () => {
    server.reset();
    server.script({ status: 503, body: { message: "busy" } }, { status: 200, body: { id: "42" } });
    const { data, error } = await client().GET("/items/{id}", { params: { path: { id: "42" } } });
    expect(error).toBeUndefined();
    expect(data).toEqual({ id: "42" });
    expect(server.requests).toHaveLength(2);
    expect(server.requests[1]?.headers.authorization).toBe("Bearer browser-token-123456");
  });

  test("throws the typed error of a 404 with the path template and the token redacted", async () => {
    server.reset();
    server.script({ status: 404, body: { message: "no item browser-token-123456" } });
    const call = client({ throwOnError: true }).GET("/items/{id}", { params: { path: { id: "42" } } });
    await expect(call).rejects.toBeInstanceOf(runtime.NotFoundError);
    await expect(call).rejects.toThrow("GET /items/{id} failed with 404");
    await expect(call).rejects.toThrow("[REDACTED]");
  });

  test("returns the body it read from memory, any number of times, with the source's URL", async () => {
    server.reset();
    server.script({ status: 200, body: { id: "7" } });
    const { data, response } = await client().GET("/items/{id}", { params: { path: { id: "7" } } });
    expect(data).toEqual({ id: "7" });
    expect(response.url).toBe(`${server.url}/items/7`);
    expect(await response.text()).toBe('{"id":"7"}');
    expect(await response.json()).toEqual({ id: "7" });
    const copy = response.clone();
    expect(copy.url).toBe(response.url);
    expect(await copy.json()).toEqual({ id: "7" });
    expect(await response.arrayBuffer()).toEqual(new TextEncoder().encode('{"id":"7"}').buffer);
  });

  test.each([
    ["text", (data: unknown) => data as string],
    ["blob", (data: unknown) => (data as Blob).text()],
    ["arrayBuffer", (data: unknown) => new TextDecoder().decode(data as ArrayBuffer)],
    ["stream", (data: unknown) => new Response(data as ReadableStream).text()],
  ] as const)("hands parseAs %s the bytes it read", async (parseAs, read) => {
    server.reset();
    server.script({ status: 200, body: "plain words", headers: { "content-type": "text/plain" } });
    const { data, response } = await client().GET("/items/{id}", { params: { path: { id: "7" } }, parseAs });
    expect(await read(data)).toBe("plain words");
    expect(response.headers.get("content-type")).toBe("text/plain");
  });

  test("adds no Content-Type the server did not send, and keeps a 204 bodiless", async () => {
    const untyped = async () => new Response(new TextEncoder().encode('{"id":"7"}'));
    const { data, response } = await client({ fetch: untyped }).GET("/items/{id}", {
      params: { path: { id: "7" } },
    });
    expect(data).toEqual({ id: "7" });
    expect(response.headers.get("content-type")).toBeNull();
    server.reset();
    server.script({ status: 204 });
    const empty = await client().GET("/items/{id}", { params: { path: { id: "7" } } });
    expect(empty.response.status).toBe(204);
    expect(empty.data).toBeUndefined();
  });

  test("returns a 404's body redacted as the error, without throwing", async () => {
    server.reset();
    server.script({ status: 404, body: { message: "no item browser-token-123456" } });
    const { error, response } = await client().GET("/items/{id}", { params: { path: { id: "42" } } });
    expect(error).toEqual({ message: "no item [REDACTED]" });
    expect(response.status).toBe(404);
    expect(response.url).toBe(`${server.url}/items/42`);
  });

  test("ends a hanging attempt in a TimeoutError on its own timer", async () => {
    server.reset();
    server.script("hang");
    const call = client({ timeout: 50, retry: false }).GET("/items/{id}", { params: { path: { id: "42" } } });
    await expect(call).rejects.toBeInstanceOf(runtime.TimeoutError);
    await expect(call).rejects.toThrow("timed out after 50 ms");
  });

  test("ends a call the caller aborts in an AbortError", async () => {
    server.reset();
    server.script("hang");
    const controller = new AbortController();
    const call = client().GET("/items/{id}", { params: { path: { id: "42" } }, signal: controller.signal });
    setTimeout(() => controller.abort(), 20);
    await expect(call).rejects.toBeInstanceOf(runtime.AbortError);
    await expect(call).rejects.toThrow("was aborted by the caller");
  });
});
