// paginate() over Alpharun-style and Dixa-style pages served by a local server.
import { afterAll, beforeAll, describe, expect, expectTypeOf, test } from "vitest";
import {
  alpharunPagination,
  dixaPagination,
  InternalServerError,
  PaginationError,
  paginate,
} from "../../src/index.js";
import { RecordingClock } from "../support/clocks.js";
import {
  type RecordedRequest,
  type ScriptedServer,
  startScriptedServer,
} from "../support/scripted-server.js";
import { type Contact, createTestClient, type EndUser } from "../support/test-api.js";

let server: ScriptedServer;
beforeAll(async () => {
  server = await startScriptedServer();
});
afterAll(() => server.close());

const query = (request: RecordedRequest) => new URL(request.url, "http://x").searchParams;
const client = () => createTestClient(server.url, { clock: new RecordingClock() });

/** Alpharun: pages of `limit` contacts, `next_cursor` beside `data`, null after the last of 7 contacts. */
function serveAlpharunContacts(total = 7) {
  server.reset();
  server.route((request) => {
    const params = query(request);
    const limit = Number(params.get("limit") ?? 20);
    const offset = params.get("cursor") ? Number(params.get("cursor")?.slice(1)) : 0;
    const contacts = Array.from({ length: Math.min(limit, total - offset) }, (_, i) => ({
      id: `ct${offset + i}`,
    }));
    const next = offset + limit < total ? `c${offset + limit}` : null;
    return { status: 200, body: { data: { contacts }, next_cursor: next } };
  });
}

/** Dixa: `meta.next` is a relative URL whose pageKey is base64 with `=` padding, percent-encoded. */
function serveDixaEndUsers(total = 7) {
  server.reset();
  server.route((request) => {
    const params = query(request);
    const limit = Number(params.get("pageLimit") ?? 50);
    const pageKey = params.get("pageKey");
    const offset = pageKey ? Number(Buffer.from(pageKey, "base64").toString().split("=")[1]) : 0;
    const data = Array.from({ length: Math.min(limit, total - offset) }, (_, i) => ({
      id: `eu${offset + i}`,
    }));
    const nextKey = Buffer.from(`offset=${offset + limit}`).toString("base64");
    const meta =
      offset + limit < total ? { next: `/beta/endusers?pageKey=${encodeURIComponent(nextKey)}` } : {};
    return { status: 200, body: { data, meta } };
  });
}

describe("Alpharun pagination", () => {
  test("yields every contact across three pages, following next_cursor", async () => {
    serveAlpharunContacts();
    const api = client();
    const ids: string[] = [];
    for await (const contact of paginate(
      (cursor) => api.GET("/contacts", { params: { query: { limit: 3, cursor } } }),
      { ...alpharunPagination, items: (page) => page.data?.contacts },
    )) {
      expectTypeOf(contact).toEqualTypeOf<Contact>();
      ids.push(contact.id);
    }
    expect(ids).toEqual(["ct0", "ct1", "ct2", "ct3", "ct4", "ct5", "ct6"]);
    expect(server.requests.map((request) => query(request).get("cursor"))).toEqual([null, "c3", "c6"]);
  });

  test("stops at maxItems without fetching further pages", async () => {
    serveAlpharunContacts();
    const api = client();
    const ids: string[] = [];
    for await (const contact of paginate(
      (cursor) => api.GET("/contacts", { params: { query: { limit: 3, cursor } } }),
      { ...alpharunPagination, items: (page) => page.data?.contacts },
      { maxItems: 4 },
    )) {
      ids.push(contact.id);
    }
    expect(ids).toEqual(["ct0", "ct1", "ct2", "ct3"]);
    expect(server.requests).toHaveLength(2);
  });

  test("throws PaginationError when a cursor repeats, instead of looping", async () => {
    server.reset();
    // A server bug: every page, the first included, points at cursor "same".
    server.route(() => ({ status: 200, body: { data: { contacts: [{ id: "x" }] }, next_cursor: "same" } }));
    const api = client();
    const ids: string[] = [];
    const walk = async () => {
      for await (const contact of paginate(
        (cursor) => api.GET("/contacts", { params: { query: { limit: 2, cursor } } }),
        { ...alpharunPagination, items: (page) => page.data?.contacts },
      )) {
        ids.push(contact.id);
      }
    };
    const error = await walk().catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(PaginationError);
    expect((error as PaginationError).message).toMatch(/cursor "same" a second time/);
    // Page 1 gives "same", page 2 (fetched with "same") gives it again: stop there.
    expect(server.requests).toHaveLength(2);
    expect(ids).toEqual(["x", "x"]);
  });

  test("throws the typed error of a page that fails", async () => {
    server.reset();
    server.script({ status: 500, body: { message: "down" } });
    const api = createTestClient(server.url, { clock: new RecordingClock(), retry: false });
    const walk = async () => {
      for await (const _ of paginate((cursor) => api.GET("/contacts", { params: { query: { cursor } } }), {
        ...alpharunPagination,
        items: (page) => page.data?.contacts,
      })) {
        expect.unreachable();
      }
    };
    await expect(walk()).rejects.toBeInstanceOf(InternalServerError);
  });
});

describe("Dixa pagination", () => {
  test("yields every end user across three pages, reading pageKey from meta.next", async () => {
    serveDixaEndUsers();
    const api = client();
    const ids: string[] = [];
    for await (const user of paginate(
      (pageKey) => api.GET("/endusers", { params: { query: { pageLimit: 3, pageKey } } }),
      { ...dixaPagination, items: (page) => page.data },
    )) {
      expectTypeOf(user).toEqualTypeOf<EndUser>();
      ids.push(user.id);
    }
    expect(ids).toEqual(["eu0", "eu1", "eu2", "eu3", "eu4", "eu5", "eu6"]);
    // The percent-encoded `=` padding reaches the server as the same pageKey.
    expect(server.requests.map((request) => query(request).get("pageKey"))).toEqual([
      null,
      Buffer.from("offset=3").toString("base64"),
      Buffer.from("offset=6").toString("base64"),
    ]);
  });

  test("stops at maxItems", async () => {
    serveDixaEndUsers();
    const api = client();
    const ids: string[] = [];
    for await (const user of paginate(
      (pageKey) => api.GET("/endusers", { params: { query: { pageLimit: 3, pageKey } } }),
      { ...dixaPagination, items: (page) => page.data },
      { maxItems: 3 },
    )) {
      ids.push(user.id);
    }
    expect(ids).toEqual(["eu0", "eu1", "eu2"]);
    expect(server.requests).toHaveLength(1);
  });

  test("reads the next pageKey from relative and absolute URLs", () => {
    expect(dixaPagination.nextCursor({ meta: { next: "/beta/endusers?pageKey=abc%3D" } })).toBe("abc=");
    expect(
      dixaPagination.nextCursor({ meta: { next: "https://dev.dixa.io/beta/agents?pageKey=x%2By" } }),
    ).toBe("x+y");
    expect(dixaPagination.nextCursor({ meta: {} })).toBeUndefined();
    expect(() => dixaPagination.nextCursor({ meta: { next: "/beta/endusers" } })).toThrow(/no pageKey/);
  });

  test("a mismatched preset does not compile", () => {
    const api = client();
    // @ts-expect-error Dixa pages have no next_cursor: the Alpharun preset does not fit
    void paginate((pageKey) => api.GET("/endusers", { params: { query: { pageKey } } }), {
      ...alpharunPagination,
      items: (page: { data: EndUser[] }) => page.data,
    });
  });
});
