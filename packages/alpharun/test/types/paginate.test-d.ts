// Type tests of `paginate` and `pages` over Alpharun's paginated operations.
import { describe, expectTypeOf, test } from "vitest";
import {
  type Contact,
  type CustomerInteraction,
  type components,
  createAlpharunClient,
  pages,
  paginate,
} from "../../src/index.js";

const client = createAlpharunClient({ token: "test-token" });
const throwing = createAlpharunClient({ token: "test-token", throwOnError: true });
const CONTACT_ID = "alt:ext_id:crm-42";

describe("paginate", () => {
  test("yields each paginated operation's items", () => {
    expectTypeOf(paginate(client, "/contacts")).toEqualTypeOf<AsyncGenerator<Contact, void, undefined>>();
    expectTypeOf(
      paginate(client, "/contacts/{CONTACT_ID}/customer-interactions", { params: { path: { CONTACT_ID } } }),
    ).toEqualTypeOf<AsyncGenerator<CustomerInteraction, void, undefined>>();
    expectTypeOf(paginate(throwing, "/contacts")).toEqualTypeOf<AsyncGenerator<Contact, void, undefined>>();
  });

  test("takes the operation's parameters but the cursor, and the walk's options", () => {
    void paginate(client, "/contacts", { params: { query: { limit: 100 } }, maxItems: 10 });
    void paginate(client, "/contacts", { signal: AbortSignal.timeout(1), retry: false, timeout: 1_000 });
  });

  test("a path that is not paginated does not compile", () => {
    // @ts-expect-error GET /contacts/{CONTACT_ID} returns one contact
    void paginate(client, "/contacts/{CONTACT_ID}", { params: { path: { CONTACT_ID } } });
    // @ts-expect-error no such path
    void paginate(client, "/interactions");
  });

  test("the cursor is the client's: a caller cannot pass one", () => {
    // @ts-expect-error cursor is set by paginate
    void paginate(client, "/contacts", { params: { query: { cursor: "abc" } } });
  });

  test("a required path parameter stays required, and options keep their types", () => {
    // @ts-expect-error CONTACT_ID is required
    void paginate(client, "/contacts/{CONTACT_ID}/customer-interactions");
    // @ts-expect-error maxItems is a number
    void paginate(client, "/contacts", { maxItems: "10" });
    // @ts-expect-error `maxItem` is not an option
    void paginate(client, "/contacts", { maxItem: 10 });
    // @ts-expect-error every page is unwrapped, so throwOnError has no say
    void paginate(client, "/contacts", { throwOnError: false });
  });
});

describe("pages", () => {
  test("yields each page, its 2xx body", () => {
    expectTypeOf(pages(client, "/contacts")).toEqualTypeOf<
      AsyncGenerator<components["schemas"]["ListContactsResponse"], void, undefined>
    >();
    // @ts-expect-error a page walk has no maxItems
    void pages(client, "/contacts", { maxItems: 3 });
  });
});
