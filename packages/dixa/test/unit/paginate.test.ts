// paginate() walks every paginated Dixa operation across pages served by a local server.

import { type PageRequest, type PageServer, startPageServer } from "@cxkit/mocks/contract";
import { PaginationError } from "@cxkit/runtime";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createDixaClient, dixaPagination, paginate } from "../../src/index.js";

const TOTAL = 7;
const LIMIT = 3;
const USER_ID = "5a556159-9c21-4f3e-a44f-d323deb80d16";

/** Pages of LIMIT items out of TOTAL in `data`; `meta.next` a relative URL whose pageKey is base64 with `=`. */
function dixaPages(request: PageRequest) {
  const pageKey = request.query.get("pageKey");
  const offset = pageKey ? Number(Buffer.from(pageKey, "base64").toString().split("=")[1]) : 0;
  const data = Array.from({ length: Math.min(LIMIT, TOTAL - offset) }, (_, i) => ({ id: `i${offset + i}` }));
  const nextKey = Buffer.from(`offset=${offset + LIMIT}`).toString("base64");
  const next = `/beta${request.path}?pageKey=${encodeURIComponent(nextKey)}`;
  return { data, meta: offset + LIMIT < TOTAL ? { next } : {} };
}

let server: PageServer;
beforeAll(async () => {
  server = await startPageServer();
});
afterAll(() => server.close());

const client = () => createDixaClient({ apiKey: "key", baseUrl: server.url, retry: false, rateLimit: false });
const ids = async (items: AsyncIterable<unknown>) => {
  const seen: string[] = [];
  for await (const item of items) seen.push((item as { id: string }).id);
  return seen;
};
const allIds = Array.from({ length: TOTAL }, (_, i) => `i${i}`);
const pageKeys = () => server.requests.map((r) => r.query.get("pageKey"));

/** One walk per paginated operation, with the parameters it needs and what each page request must keep. */
const WALKS: Record<keyof typeof dixaPagination.operations, () => AsyncIterable<unknown>> = {
  "/agents": () => paginate(client(), "/agents", { params: { query: { pageLimit: LIMIT } } }),
  "/conversations/activitylog": () =>
    paginate(client(), "/conversations/activitylog", { params: { query: { pageLimit: LIMIT } } }),
  "/endusers": () =>
    paginate(client(), "/endusers", { params: { query: { email: "ada@example.com", pageLimit: LIMIT } } }),
  "/endusers/{userId}/conversations": () =>
    paginate(client(), "/endusers/{userId}/conversations", {
      params: { path: { userId: USER_ID }, query: { pageLimit: LIMIT } },
    }),
  "/search/conversations": () =>
    paginate(client(), "/search/conversations", {
      params: { query: { pageLimit: LIMIT } },
      body: { query: { value: "refund" } },
    }),
};

describe("paginate over every paginated Dixa operation", () => {
  test("the test walks every operation in the table", () => {
    expect(Object.keys(WALKS).sort()).toEqual(Object.keys(dixaPagination.operations).sort());
  });

  test.each(Object.entries(WALKS))(
    "%s: every item of three pages, following meta.next's pageKey",
    async (path, walk) => {
      server.serve(dixaPages);
      expect(await ids(walk())).toEqual(allIds);
      expect(server.requests).toHaveLength(3);
      const [first, ...rest] = server.requests;
      expect(first?.query.get("pageKey")).toBeNull();
      for (const request of rest) {
        expect(request.method).toBe(first?.method);
        expect(request.path).toBe(first?.path);
        expect(request.query.get("pageLimit")).toBe(String(LIMIT));
        expect(request.body).toBe(first?.body);
      }
      expect(first?.path).toBe(path.replace("{userId}", USER_ID));
      expect(
        pageKeys()
          .slice(1)
          .map((key) => Buffer.from(key ?? "", "base64").toString()),
      ).toEqual(["offset=3", "offset=6"]);
    },
  );

  test("the caller's query is sent with every page", async () => {
    server.serve(dixaPages);
    await ids(WALKS["/endusers"]());
    expect(server.requests.map((r) => r.query.get("email"))).toEqual(Array(3).fill("ada@example.com"));
  });

  test("a pageKey that comes back a second time throws PaginationError", async () => {
    server.serve(() => ({ data: [{ id: "i0" }], meta: { next: "/beta/agents?pageKey=same" } }));
    await expect(ids(paginate(client(), "/agents"))).rejects.toThrow(PaginationError);
  });

  test("a meta.next without a pageKey is reported, not followed", async () => {
    server.serve(() => ({ data: [{ id: "i0" }], meta: { next: "/beta/agents" } }));
    await expect(ids(paginate(client(), "/agents"))).rejects.toThrow("Dixa meta.next has no pageKey");
  });

  test("reads the next pageKey from relative and absolute URLs", () => {
    expect(dixaPagination.nextCursor({ meta: { next: "/beta/endusers?pageKey=abc%3D" } })).toBe("abc=");
    expect(
      dixaPagination.nextCursor({ meta: { next: "https://dev.dixa.io/beta/agents?pageKey=x%2By" } }),
    ).toBe("x+y");
    expect(dixaPagination.nextCursor({ meta: {} })).toBeUndefined();
  });
});
