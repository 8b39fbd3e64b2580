// paginate() and pages() walk every paginated Alpharun operation across pages served by a local server.

import { type PageRequest, type PageServer, startPageServer } from "@cxkit/mocks/contract";
import { PaginationError } from "@cxkit/runtime";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { alpharunPagination, createAlpharunClient, pages, paginate } from "../../src/index.js";

const TOTAL = 7;
const LIMIT = 3;
const CONTACT_ID = "alt:ext_id:crm-42";

/** Where each paginated operation's items sit in a page, as Alpharun sends them. */
const ITEMS_KEY: Record<keyof typeof alpharunPagination.operations, string> = {
  "/contacts": "contacts",
  "/contacts/{CONTACT_ID}/customer-interactions": "customer_interactions",
};

/** Pages of LIMIT items out of TOTAL; the cursor is `c<offset>`; `next_cursor` is null on the last. */
function alpharunPages(key: string) {
  return (request: PageRequest) => {
    const offset = Number(request.query.get("cursor")?.slice(1) ?? 0);
    const items = Array.from({ length: Math.min(LIMIT, TOTAL - offset) }, (_, i) => ({
      id: `i${offset + i}`,
    }));
    return { data: { [key]: items }, next_cursor: offset + LIMIT < TOTAL ? `c${offset + LIMIT}` : null };
  };
}

let server: PageServer;
beforeAll(async () => {
  server = await startPageServer();
});
afterAll(() => server.close());

const client = () => createAlpharunClient({ token: "tok", baseUrl: server.url, retry: false });
const ids = async (items: AsyncIterable<{ id?: string }>) => {
  const seen: (string | undefined)[] = [];
  for await (const item of items) seen.push(item.id);
  return seen;
};
const allIds = Array.from({ length: TOTAL }, (_, i) => `i${i}`);

describe("paginate over every paginated Alpharun operation", () => {
  test("the test knows where the items of every operation in the table are", () => {
    expect(Object.keys(ITEMS_KEY).sort()).toEqual(Object.keys(alpharunPagination.operations).sort());
  });

  test("GET /contacts: every contact of three pages, each page asked for with the last next_cursor", async () => {
    server.serve(alpharunPages(ITEMS_KEY["/contacts"]));
    expect(await ids(paginate(client(), "/contacts", { params: { query: { limit: LIMIT } } }))).toEqual(
      allIds,
    );
    expect(server.requests.map((r) => [r.path, r.query.get("cursor"), r.query.get("limit")])).toEqual([
      ["/contacts", null, "3"],
      ["/contacts", "c3", "3"],
      ["/contacts", "c6", "3"],
    ]);
  });

  test("GET /contacts/{CONTACT_ID}/customer-interactions: every interaction of three pages", async () => {
    const path = "/contacts/{CONTACT_ID}/customer-interactions";
    server.serve(alpharunPages(ITEMS_KEY[path]));
    const walk = paginate(client(), path, { params: { path: { CONTACT_ID }, query: { limit: LIMIT } } });
    expect(await ids(walk)).toEqual(allIds);
    expect(server.requests.map((r) => [r.path, r.query.get("cursor")])).toEqual([
      [`/contacts/${encodeURIComponent(CONTACT_ID)}/customer-interactions`, null],
      [`/contacts/${encodeURIComponent(CONTACT_ID)}/customer-interactions`, "c3"],
      [`/contacts/${encodeURIComponent(CONTACT_ID)}/customer-interactions`, "c6"],
    ]);
  });
});

describe("walk options", () => {
  test("maxItems stops without fetching a page it does not need", async () => {
    server.serve(alpharunPages("contacts"));
    expect(await ids(paginate(client(), "/contacts", { maxItems: 4 }))).toEqual(["i0", "i1", "i2", "i3"]);
    expect(server.requests).toHaveLength(2);
  });

  test("an aborted signal stops the walk with its reason, fetching no further page", async () => {
    server.serve(alpharunPages("contacts"));
    const controller = new AbortController();
    const reason = new Error("caller gave up");
    const seen: (string | undefined)[] = [];
    await expect(async () => {
      for await (const contact of paginate(client(), "/contacts", { signal: controller.signal })) {
        seen.push(contact.id);
        controller.abort(reason);
      }
    }).rejects.toBe(reason);
    expect(seen).toEqual(["i0"]);
    expect(server.requests).toHaveLength(1);
  });

  test("a cursor that comes back a second time throws PaginationError", async () => {
    server.serve(() => ({ data: { contacts: [{ id: "i0" }] }, next_cursor: "same" }));
    await expect(ids(paginate(client(), "/contacts"))).rejects.toThrow(PaginationError);
    expect(server.requests).toHaveLength(2);
  });

  test("pages yields each page whole", async () => {
    server.serve(alpharunPages("contacts"));
    const cursors: (string | null | undefined)[] = [];
    for await (const page of pages(client(), "/contacts")) cursors.push(page.next_cursor);
    expect(cursors).toEqual(["c3", "c6", null]);
  });

  test("a path that is not paginated is refused before any request", () => {
    server.serve(alpharunPages("contacts"));
    const untyped = paginate as (...args: unknown[]) => unknown;
    expect(() => untyped(client(), "/contacts/{CONTACT_ID}")).toThrow(/not a paginated operation/);
    expect(server.requests).toHaveLength(0);
  });
});
