// The runtime's Request class as middleware sees it, on both transports.
import createClient from "openapi-fetch";
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import { createRuntime, LiteRequest } from "../../src/index.js";
import { type ScriptedServer, startScriptedServer } from "../support/scripted-server.js";
import { createTestClient } from "../support/test-api.js";

let server: ScriptedServer;
beforeAll(async () => {
  server = await startScriptedServer();
});
afterAll(() => server.close());

const params = { path: { id: "42" } };
const BODY = { name: "renamed" };

describe("LiteRequest", () => {
  test("gives middleware the request's URL, method, headers and body, and still sends the body", async () => {
    server.reset();
    server.script({ status: 200, body: { id: "42", name: "renamed" } });
    const client = createTestClient(server.url);
    const seen: unknown[] = [];
    client.use({
      async onRequest({ request }) {
        expect(LiteRequest.is(request)).toBe(true);
        seen.push(request.method, new URL(request.url).pathname, request.headers.get("content-type"));
        seen.push(await request.clone().json(), await request.text());
        request.headers.set("x-added", "1");
        return request;
      },
    });
    const { data } = await client.PATCH("/items/{id}", { params, body: BODY });
    expect(data).toEqual({ id: "42", name: "renamed" });
    expect(seen).toEqual(["PATCH", "/api/v1/items/42", "application/json", BODY, JSON.stringify(BODY)]);
    expect(server.requests[0]).toMatchObject({ body: JSON.stringify(BODY), headers: { "x-added": "1" } });
  });

  test("a middleware may return a WHATWG Request, which is sent with its body on every attempt", async () => {
    server.reset();
    server.script({ status: 503, body: { message: "down" } }, { status: 200, body: { id: "42", name: "x" } });
    const client = createTestClient(server.url, { retry: { minDelay: 1 } });
    client.use({
      onRequest({ request }) {
        return new Request(request.url, { method: "PUT", headers: request.headers, body: '{"name":"x"}' });
      },
    });
    const { data } = await client.PUT("/items/{id}", { params, body: BODY });
    expect(data).toEqual({ id: "42", name: "x" });
    expect(server.requests.map((request) => request.body)).toEqual(['{"name":"x"}', '{"name":"x"}']);
  });

  test("copies a Request given as input, the way new Request(request, init) does", async () => {
    const source = new LiteRequest("http://127.0.0.1/items", {
      method: "post",
      body: "a",
      headers: { x: "1" },
    });
    const copy = new LiteRequest(source, { headers: { y: "2" } });
    expect(copy).toMatchObject({ url: "http://127.0.0.1/items", method: "POST", redirect: "follow" });
    expect(copy.headers.get("y")).toBe("2");
    expect(await copy.text()).toBe("a");
    const fromWhatwg = new LiteRequest(new Request("http://127.0.0.1/x", { method: "PUT", body: "b" }));
    expect(fromWhatwg.method).toBe("PUT");
    expect(await fromWhatwg.text()).toBe("b");
    expect(new Request("http://127.0.0.1/") instanceof LiteRequest).toBe(true);
    expect(LiteRequest.is(new Request("http://127.0.0.1/"))).toBe(false);
  });

  test("goes to the global fetch as fetch(url, init), with openapi-fetch's requestInitExt", async () => {
    const calls: [unknown, RequestInit | undefined][] = [];
    vi.stubGlobal("fetch", async (input: unknown, init?: RequestInit) => {
      calls.push([input, init]);
      return new Response('{"id":"42"}', { headers: { "content-type": "application/json" } });
    });
    try {
      const runtime = createRuntime({ timeout: false });
      const client = createClient<{
        "/items": { get: { responses: { 200: { content: { "application/json": { id: string } } } } } };
      }>({
        baseUrl: "http://127.0.0.1:1",
        fetch: runtime.fetch,
        Request: runtime.Request,
        requestInitExt: { keepalive: true },
      });
      const { data } = await client.GET("/items", { headers: { "x-call": "1" } });
      expect(data).toEqual({ id: "42" });
      const [[input, init]] = calls as [[unknown, RequestInit]];
      expect(input).toBe("http://127.0.0.1:1/items");
      expect(init).toMatchObject({ method: "GET", keepalive: true, redirect: "follow" });
      expect(new Headers(init.headers).get("x-call")).toBe("1");
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
