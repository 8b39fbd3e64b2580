// Type tests of `paginate` and `pages` over Dixa's paginated operations.
import { describe, expectTypeOf, test } from "vitest";
import { type Agent, type components, createDixaClient, type EndUser, paginate } from "../../src/index.js";

const dixa = createDixaClient({ apiKey: "test-key" });
const email = "ada@example.com";

describe("paginate", () => {
  test("yields each paginated operation's items", () => {
    expectTypeOf(paginate(dixa, "/endusers", { params: { query: { email } } })).toEqualTypeOf<
      AsyncGenerator<EndUser, void, undefined>
    >();
    expectTypeOf(paginate(dixa, "/agents")).toEqualTypeOf<AsyncGenerator<Agent, void, undefined>>();
    expectTypeOf(
      paginate(dixa, "/endusers/{userId}/conversations", { params: { path: { userId: "u1" } } }),
    ).toEqualTypeOf<AsyncGenerator<components["schemas"]["Conversation"], void, undefined>>();
  });

  test("a POST search pages with its body", () => {
    void paginate(dixa, "/search/conversations", { body: { query: { value: "refund" } } });
  });

  test("a path that is not paginated does not compile", () => {
    // @ts-expect-error GET /tags is not paginated
    void paginate(dixa, "/tags");
  });

  test("the cursor is the client's: a caller cannot pass one", () => {
    // @ts-expect-error pageKey is set by paginate
    void paginate(dixa, "/endusers", { params: { query: { email, pageKey: "abc" } } });
  });
});
