// paginateWith() over pages served by a local server: a cursor beside the items, or in a next-page link.
import { afterAll, beforeAll, describe, expect, expectTypeOf, test } from "vitest";
import { InternalServerError, PaginationError, pagesWith, paginateWith } from "../../src/index.js";
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

/** The next cursor beside the items, null on the last page. */
const cursorField = { nextCursor: (page: { next_cursor?: string | null }) => page.next_cursor };
/** The next cursor as the `pageKey` of a relative next-page link, absent on the last page. */
const nextLink = {
  nextCursor: (page: { meta?: { next?: string | null } }) =>
    page.meta?.next
      ? new URL(page.meta.next, "http://relative.invalid").searchParams.get("pageKey")
      : undefined,
};

/** Pages of `limit` contacts, `next_cursor` beside `data`, null after the last of 7 contacts. */
function servePagesWithCursor(total = 7) {
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

/** `meta.next` is a relative URL whose pageKey is base64 with `=` padding, percent-encoded. */
function servePagesWithNextLink(total = 7) {
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

describe("a cursor beside the items", () => {
  test("yields every contact across three pages, following next_cursor", async () => {
    servePagesWithCursor();
    const api = client();
    const ids: string[] = [];
    for await (const contact of paginateWith(
      (cursor) => api.GET("/contacts", { params: { query: cursor ? { limit: 3, cursor } : { limit: 3 } } }),
      { ...cursorField, items: (page) => page.data?.contacts },
    )) {
      expectTypeOf(contact).toEqualTypeOf<Contact>();
      ids.push(contact.id);
    }
    expect(ids).toEqual(["ct0", "ct1", "ct2", "ct3", "ct4", "ct5", "ct6"]);
    expect(server.requests.map((request) => query(request).get("cursor"))).toEqual([null, "c3", "c6"]);
  });

  test("stops at maxItems without fetching further pages", async () => {
    servePagesWithCursor();
    const api = client();
    const ids: string[] = [];
    for await (const contact of paginateWith(
      (cursor) => api.GET("/contacts", { params: { query: cursor ? { limit: 3, cursor } : { limit: 3 } } }),
      { ...cursorField, items: (page) => page.data?.contacts },
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
      for await (const contact of paginateWith(
        (cursor) => api.GET("/contacts", { params: { query: cursor ? { limit: 2, cursor } : { limit: 2 } } }),
        { ...cursorField, items: (page) => page.data?.contacts },
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
      for await (const _ of paginateWith(
        (cursor) => api.GET("/contacts", { params: { query: cursor ? { cursor } : {} } }),
        {
          ...cursorField,
          items: (page) => page.data?.contacts,
        },
      )) {
        expect.unreachable();
      }
    };
    await expect(walk()).rejects.toBeInstanceOf(InternalServerError);
  });
});

describe("a cursor in a next-page link", () => {
  test("yields every end user across three pages, reading pageKey from meta.next", async () => {
    servePagesWithNextLink();
    const api = client();
    const ids: string[] = [];
    for await (const user of paginateWith(
      (pageKey) =>
        api.GET("/endusers", { params: { query: pageKey ? { pageLimit: 3, pageKey } : { pageLimit: 3 } } }),
      { ...nextLink, items: (page) => page.data },
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
    servePagesWithNextLink();
    const api = client();
    const ids: string[] = [];
    for await (const user of paginateWith(
      (pageKey) =>
        api.GET("/endusers", { params: { query: pageKey ? { pageLimit: 3, pageKey } : { pageLimit: 3 } } }),
      { ...nextLink, items: (page) => page.data },
      { maxItems: 3 },
    )) {
      ids.push(user.id);
    }
    expect(ids).toEqual(["eu0", "eu1", "eu2"]);
    expect(server.requests).toHaveLength(1);
  });
});

describe("pagesWith", () => {
  test("yields each page whole, following the cursor", async () => {
    servePagesWithCursor();
    const api = client();
    const cursors: (string | null | undefined)[] = [];
    for await (const page of pagesWith(
      (cursor) => api.GET("/contacts", { params: { query: cursor ? { limit: 3, cursor } : { limit: 3 } } }),
      cursorField.nextCursor,
    )) {
      cursors.push(page.next_cursor);
    }
    expect(cursors).toEqual(["c3", "c6", null]);
  });

  test("an aborted signal stops the walk with its reason before the next page", async () => {
    servePagesWithCursor();
    const api = client();
    const controller = new AbortController();
    const walk = async () => {
      for await (const _ of pagesWith(
        (cursor) => api.GET("/contacts", { params: { query: cursor ? { limit: 3, cursor } : { limit: 3 } } }),
        cursorField.nextCursor,
        { signal: controller.signal },
      )) {
        controller.abort(new Error("enough"));
      }
    };
    await expect(walk()).rejects.toThrow("enough");
    expect(server.requests).toHaveLength(1);
  });
});
