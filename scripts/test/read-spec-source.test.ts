import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { embeddedOpenApi, fetchDocument, readSpecSource, SourceError } from "../read-spec-source.mjs";

let server: Server;
let base: string;
beforeAll(async () => {
  server = createServer((request, response) => {
    if (request.url === "/openapi.yaml") {
      response.writeHead(200, { "content-type": "application/yaml" }).end("openapi: 3.0.3\n");
    } else if (request.url === "/conditional.yaml") {
      const fresh =
        request.headers["if-none-match"] === '"e1"' ||
        request.headers["if-modified-since"] === "Tue, 01 Dec 2026 10:00:00 GMT";
      if (fresh) response.writeHead(304).end();
      else
        response
          .writeHead(200, { etag: '"e1"', "last-modified": "Tue, 01 Dec 2026 10:00:00 GMT" })
          .end("openapi: 3.0.3\n");
    } else if (request.url === "/page.md") {
      response
        .writeHead(200, { "content-type": "text/markdown" })
        .end("# Page\n\n````yaml GET /x\nopenapi: 3.0.1\n````\n");
    } else if (request.url === "/docs") {
      response.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end("<html></html>");
    } else if (request.url === "/slow") {
      setTimeout(() => response.end("late"), 2_000);
    } else {
      response.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describe("readSpecSource", () => {
  test("returns the body of a URL", async () => {
    expect(await readSpecSource(`${base}/openapi.yaml`)).toBe("openapi: 3.0.3\n");
  });
  test("names the HTTP status of a failed request", async () => {
    await expect(readSpecSource(`${base}/missing.yaml`)).rejects.toThrow(/failed: HTTP 404 Not Found/);
  });
  test("refuses an HTML page and says how to point at the raw spec", async () => {
    await expect(readSpecSource(`${base}/docs`)).rejects.toThrow(
      /answered an HTML page, not an OpenAPI document: point the manifest's upstream url at the raw document/,
    );
  });
  test("names the network error when nothing listens", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    await expect(readSpecSource(`http://127.0.0.1:${port}/x.yaml`)).rejects.toThrow(
      new SourceError(`could not fetch http://127.0.0.1:${port}/x.yaml: ECONNREFUSED`),
    );
  });
  test("gives up after the timeout", async () => {
    await expect(readSpecSource(`${base}/slow`, { timeoutMs: 200 })).rejects.toThrow(
      /timed out after 200 ms/,
    );
  });
  test("reads a file relative to cwd, and says when it is missing", async () => {
    expect(await readSpecSource("fixtures/e2e/upstream.yaml", { cwd: import.meta.dirname })).toContain(
      "Fixture API",
    );
    await expect(readSpecSource("nope.yaml", { cwd: import.meta.dirname })).rejects.toThrow(
      /cannot read nope.yaml: no such file/,
    );
  });
});

describe("fetchDocument", () => {
  test("records ETag and Last-Modified, and answers notModified when either still holds", async () => {
    expect(await fetchDocument(`${base}/conditional.yaml`)).toEqual({
      notModified: false,
      text: "openapi: 3.0.3\n",
      etag: '"e1"',
      lastModified: "Tue, 01 Dec 2026 10:00:00 GMT",
    });
    expect(await fetchDocument(`${base}/conditional.yaml`, { etag: '"e1"' })).toEqual({ notModified: true });
    expect(
      await fetchDocument(`${base}/conditional.yaml`, { lastModified: "Tue, 01 Dec 2026 10:00:00 GMT" }),
    ).toEqual({
      notModified: true,
    });
    expect((await fetchDocument(`${base}/conditional.yaml`, { etag: '"e0"' })).notModified).toBe(false);
  });
  test("takes the OpenAPI document a page's .md rendering embeds", async () => {
    const page = await fetchDocument(`${base}/page.md`, { format: "mintlify-md" });
    expect(page).toMatchObject({ notModified: false, text: "openapi: 3.0.1\n" });
  });
  test("says so when a page embeds no OpenAPI document", () => {
    expect(() => embeddedOpenApi("# Just prose\n", "https://docs.test/x.md")).toThrow(
      new SourceError("https://docs.test/x.md embeds no OpenAPI document (no ```yaml block)"),
    );
  });
});
