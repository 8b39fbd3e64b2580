// Typed errors: the class per status, what each carries, throwOnError, unwrap(), and awkward responses.

import { createServer } from "node:net";
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import {
  ApiError,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  ConnectionError,
  InternalServerError,
  InvalidResponseError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  REDACTED,
  UnprocessableEntityError,
  unwrap,
} from "../../src/index.js";
import { RecordingClock } from "../support/clocks.js";
import { type ScriptedServer, startScriptedServer } from "../support/scripted-server.js";
import { createTestClient, TOKEN, type VendorError } from "../support/test-api.js";

let server: ScriptedServer;
beforeAll(async () => {
  server = await startScriptedServer();
});
afterAll(() => server.close());

const params = { path: { id: "42" } };
const client = (options: Parameters<typeof createTestClient>[1] = {}) => {
  server.reset();
  return createTestClient(server.url, { clock: new RecordingClock(), ...options });
};

describe("class per status", () => {
  test.each([
    [400, BadRequestError],
    [401, AuthenticationError],
    [403, PermissionDeniedError],
    [404, NotFoundError],
    [409, ConflictError],
    [422, UnprocessableEntityError],
    [429, RateLimitError],
    [500, InternalServerError],
    [504, InternalServerError],
  ] as const)(
    "%i throws %o with the vendor body, method, path template, request id and attempts",
    async (status, ErrorClass) => {
      const api = client({ throwOnError: true, retry: false });
      server.script({
        status,
        headers: { "x-request-id": "req-7" },
        body: { message: "Invalid value in request" },
      });
      const error = await api.GET("/items/{id}", { params }).catch((thrown: unknown) => thrown);
      expect(error).toBeInstanceOf(ErrorClass);
      expect(error).toBeInstanceOf(ApiError);
      expect(error).toMatchObject({
        status,
        body: { message: "Invalid value in request" },
        method: "GET",
        path: "/items/{id}",
        requestId: "req-7",
        attempts: 1,
      });
      expect((error as ApiError).message).toMatch(
        new RegExp(
          `^GET /items/\\{id\\} failed with ${status} .*: Invalid value in request \\(request id req-7, 1 attempt\\)$`,
        ),
      );
    },
  );

  test("a status without its own class is an ApiError", async () => {
    const api = client({ throwOnError: true });
    server.script({ status: 418, body: { message: "teapot" } });
    const error = await api.GET("/items/{id}", { params }).catch((thrown: unknown) => thrown);
    expect((error as ApiError).constructor).toBe(ApiError);
    expect(error).toMatchObject({ status: 418 });
  });

  test("generates a request id when the vendor sends none", async () => {
    const api = client({ throwOnError: true });
    server.script({ status: 404, body: { message: "gone" } });
    await expect(api.GET("/items/{id}", { params })).rejects.toMatchObject({
      requestId: expect.stringMatching(/^local-/),
    });
  });

  test("serialises to the fields a log needs, without the response", async () => {
    const api = client({ throwOnError: true });
    server.script({ status: 404, headers: { "x-request-id": "r1" }, body: { message: "gone" } });
    const error = (await api.GET("/items/{id}", { params }).catch((thrown: unknown) => thrown)) as ApiError;
    expect(JSON.parse(JSON.stringify(error))).toEqual({
      name: "NotFoundError",
      message: error.message,
      status: 404,
      method: "GET",
      path: "/items/{id}",
      requestId: "r1",
      attempts: 1,
      body: { message: "gone" },
    });
    expect(error.response?.status).toBe(404);
  });
});

describe("throwOnError and unwrap", () => {
  test("by default an error status is returned as the typed { error }", async () => {
    const api = client();
    server.script({ status: 404, body: { message: "gone" } });
    const { data, error, response } = await api.GET("/items/{id}", { params });
    expect(data).toBeUndefined();
    expect(error).toEqual({ message: "gone" });
    expect(response.status).toBe(404);
  });

  test("the returned { error } has the token redacted too", async () => {
    const api = client({ retry: false });
    server.script({ status: 401, body: { message: `unknown key Bearer ${TOKEN}` } });
    const { error } = await api.GET("/items/{id}", { params });
    expect(error).toEqual({ message: `unknown key Bearer ${REDACTED}` });
  });

  test("throwOnError can be turned on for one call", async () => {
    const api = client();
    server.script({ status: 404, body: { message: "gone" } });
    await expect(api.GET("/items/{id}", { params, throwOnError: true })).rejects.toBeInstanceOf(
      NotFoundError,
    );
  });

  test("throwOnError can be turned off for one call", async () => {
    const api = client({ throwOnError: true });
    server.script({ status: 404, body: { message: "gone" } });
    const { error } = await api.GET("/items/{id}", { params, throwOnError: false });
    expect(error).toEqual({ message: "gone" });
  });

  test("unwrap returns data, or throws with what the runtime knew about the call", async () => {
    const api = client({ retry: { retries: 1 } });
    server.script({ status: 200, body: { id: "42", name: "a" } });
    const item = await unwrap(api.GET("/items/{id}", { params }));
    expect(item).toEqual({ id: "42", name: "a" });

    server.script({ status: 503, headers: { "x-request-id": "r9" }, body: { message: "down" } });
    const error = await unwrap(api.GET("/items/{id}", { params })).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(InternalServerError);
    expect(error).toMatchObject({
      status: 503,
      path: "/items/{id}",
      method: "GET",
      attempts: 2,
      requestId: "r9",
    });
    expect((error as InternalServerError<VendorError>).body?.message).toBe("down");
  });

  test("unwrap throws for an error status with an empty body, whose { error } is falsy", async () => {
    const api = client();
    server.script({ status: 404 });
    const result = await api.GET("/items/{id}", { params });
    expect(result.error).toBeFalsy();
    expect(() => unwrap(result)).toThrow(NotFoundError);
  });
});

describe("awkward responses", () => {
  test("a chunked JSON body is parsed once, and its length is on the response", async () => {
    const api = client();
    const item = { id: "42", name: "Zoë 🚀" };
    server.script({ status: 200, body: item, chunked: true });
    const raw = JSON.stringify(item);
    const parse = vi.spyOn(JSON, "parse");
    try {
      const { data, response } = await api.GET("/items/{id}", { params });
      expect(data).toEqual(item);
      expect(parse.mock.calls.filter(([text]) => text === raw)).toHaveLength(1);
      expect(response.headers.get("content-length")).toBe(String(Buffer.byteLength(raw)));
    } finally {
      parse.mockRestore();
    }
  });

  test("an HTML 502 from a proxy is a typed error carrying the page as text", async () => {
    const api = client({ throwOnError: true, retry: false });
    const page = "<html><body>502 Bad Gateway</body></html>";
    server.script({ status: 502, headers: { "content-type": "text/html" }, body: page });
    const error = (await api.GET("/items/{id}", { params }).catch((thrown: unknown) => thrown)) as ApiError;
    expect(error).toBeInstanceOf(InternalServerError);
    expect(error.body).toBe(page);
    expect(error.message).toMatch(/failed with 502 .*: the body is not JSON/);
  });

  test("an HTML 502 without throwOnError is returned as a string error, not a SyntaxError", async () => {
    const api = client({ retry: false });
    server.script({
      status: 502,
      headers: { "content-type": "text/html" },
      body: "<html>bad gateway</html>",
    });
    const { error } = await api.GET("/items/{id}", { params });
    expect(error).toBe("<html>bad gateway</html>");
  });

  test("malformed JSON in a 200 is an InvalidResponseError even without throwOnError", async () => {
    const api = client();
    server.script({ status: 200, headers: { "content-type": "application/json" }, body: '{"id": "42",' });
    const error = await api.GET("/items/{id}", { params }).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect(error).not.toBeInstanceOf(SyntaxError);
    expect(error).toMatchObject({ status: 200, body: '{"id": "42",', path: "/items/{id}" });
    expect((error as Error).message).toMatch(/returned 200 with malformed JSON/);
  });

  test("malformed JSON sent chunked (no Content-Length) is caught too", async () => {
    const api = client();
    server.script({
      status: 200,
      headers: { "content-type": "application/json", "transfer-encoding": "chunked" },
      body: "{oops",
    });
    await expect(api.GET("/items/{id}", { params })).rejects.toBeInstanceOf(InvalidResponseError);
  });

  test("an empty 200 where JSON was expected is an InvalidResponseError", async () => {
    const api = client();
    server.script({ status: 200, body: "" });
    await expect(api.GET("/items/{id}", { params })).rejects.toThrow(/empty body where JSON was expected/);
  });

  test("a 204 gives undefined data", async () => {
    const api = client({ throwOnError: true });
    server.script({ status: 204 });
    const { data, error } = await api.DELETE("/items/{id}", { params });
    expect(data).toBeUndefined();
    expect(error).toBeUndefined();
  });

  test("valid JSON is parsed once and still readable as data", async () => {
    const api = client();
    server.script({ status: 200, body: { id: "42", name: "ä ✓" } });
    const { data, response } = await api.GET("/items/{id}", { params });
    expect(data).toEqual({ id: "42", name: "ä ✓" });
    await expect(response.json()).resolves.toEqual({ id: "42", name: "ä ✓" });
  });

  test("parseAs text leaves the body alone", async () => {
    const api = client();
    server.script({ status: 200, headers: { "content-type": "text/csv" }, body: "a,b\n1,2" });
    const { data } = await api.GET("/items/{id}", { params, parseAs: "text" });
    expect(data).toBe("a,b\n1,2");
  });

  test("parseAs stream gets the bytes the runtime already read", async () => {
    const api = client();
    server.script({ status: 200, body: { id: "42", name: "a" } });
    const { data } = await api.GET("/items/{id}", { params, parseAs: "stream" });
    expect(await new Response(data as ReadableStream).json()).toEqual({ id: "42", name: "a" });
  });

  test("a binary body is handed over unread, its bytes intact", async () => {
    const api = client();
    const bytes = "\u00ff\u00fe binary";
    server.script({ status: 200, headers: { "content-type": "application/octet-stream" }, body: bytes });
    const { data } = await api.GET("/items/{id}", { params, parseAs: "arrayBuffer" });
    expect(Buffer.from(data as ArrayBuffer).toString("latin1")).toBe(Buffer.from(bytes).toString("latin1"));
  });
});

describe("diagnostics", () => {
  test("a ConnectionError names the origin it could not reach, without credentials or query", async () => {
    const closed = await unusedPort();
    const api = createTestClient(`http://127.0.0.1:${closed}`, {
      clock: new RecordingClock(),
      retry: false,
      throwOnError: true,
    });
    const error = await api
      .POST("/items", { body: { name: "a" }, params: {} })
      .catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(ConnectionError);
    expect((error as Error).message).toBe(
      `POST /items got no answer from http://127.0.0.1:${closed} (ECONNREFUSED) (request id ${(error as ApiError).requestId}, 1 attempt)`,
    );
  });

  test("a one-character credential leaves the vendor's message readable", async () => {
    const api = createTestClient(server.url, {
      clock: new RecordingClock(),
      secrets: ["t"],
      throwOnError: true,
      retry: false,
    });
    server.reset();
    server.script({ status: 404, body: { message: "Contact not found: token t" } });
    const error = await api.GET("/items/{id}", { params }).catch((thrown: unknown) => thrown);
    expect((error as Error).message).toContain(`Contact not found: token ${REDACTED}`);
    expect((error as ApiError).body).toEqual({ message: `Contact not found: token ${REDACTED}` });
  });
});

/** A loopback port nothing listens on. */
async function unusedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((listening) => probe.listen(0, "127.0.0.1", listening));
  const { port } = probe.address() as { port: number };
  await new Promise((closed) => probe.close(closed));
  return port;
}
