// Type tests of the Dixa -> Alpharun API: contact mappings typed against the conversation, and the
// webhook handler's result; with @ts-expect-error, what must not compile.
import type { Conversation, EndUser } from "@cxkit/dixa";
import { describe, expectTypeOf, test } from "vitest";
import {
  type ContactSyncReport,
  createCx,
  type DixaWebhookEvent,
  type DixaWebhookResult,
  defineContactMapping,
} from "../../src/index.js";
import { toNodeListener, toWebHandler } from "../../src/receive/index.js";

const cx = createCx({ env: {}, dixa: { webhookSecret: "ab12" } });

describe("defineContactMapping", () => {
  test("maps contact fields to facts, Dixa attributes, or functions of the conversation", () => {
    const mapping = defineContactMapping({
      lookup: ["externalId", "email", (endUser) => endUser.customAttributes?.[0]?.value?.toString()],
      fields: {
        last_status: "status",
        last_rating: "rating",
        order_number: { attribute: "order_number" },
        vip: {
          uses: ["tags"],
          value: (facts) => {
            expectTypeOf(facts.conversation).toEqualTypeOf<Conversation>();
            expectTypeOf(facts.endUser).toEqualTypeOf<EndUser>();
            return facts.tags.some((tag) => tag.name === "vip");
          },
        },
      },
    });
    expectTypeOf(mapping.fields.last_status).toEqualTypeOf<"status">();
  });

  test("refuses a fact that does not exist, a read it cannot do, and a value that is not text", () => {
    // @ts-expect-error "score" is not a fact (it is "rating")
    defineContactMapping({ fields: { last_rating: "score" } });
    // @ts-expect-error a rule reads tags or ratings, nothing else
    defineContactMapping({ fields: { x: { value: () => 1, uses: ["messages"] } } });
    // @ts-expect-error a value is text, a number, a boolean, a list of text or null
    defineContactMapping({ fields: { x: { value: () => ({ nested: true }) } } });
    // @ts-expect-error a lookup is email, phone, externalId or a function
    defineContactMapping({ lookup: ["ext_id"], fields: { x: "status" } });
  });
});

describe("the facade's Dixa -> Alpharun methods", () => {
  test("syncConversation takes a conversation id and reports per field", () => {
    expectTypeOf(cx.syncConversation(100)).resolves.toEqualTypeOf<ContactSyncReport>();
    // @ts-expect-error Dixa conversation ids are numbers
    void cx.syncConversation("100");
  });

  test("handleDixaWebhook takes the raw body and the headers, and fits both receivers", () => {
    expectTypeOf(cx.handleDixaWebhook("{}", new Headers())).resolves.toEqualTypeOf<DixaWebhookResult>();
    expectTypeOf(toWebHandler(cx.handleDixaWebhook)).toEqualTypeOf<(request: Request) => Promise<Response>>();
    toNodeListener(cx.handleDixaWebhook);
    // @ts-expect-error the body is raw: verify before parsing
    void cx.handleDixaWebhook({ event_id: "e" }, {});
  });

  test("a known event narrows its data by event_fqn", () => {
    const narrow = (event: DixaWebhookEvent) => {
      if (event.kind !== "unknown-event" && event.event_fqn === "CONVERSATION_RATED") {
        expectTypeOf(event.data.conversation.csid).toEqualTypeOf<number>();
      }
    };
    void narrow;
  });

  test("dixaEvents takes the known events only", () => {
    createCx({ dixaEvents: ["CONVERSATION_CLOSED", "CONVERSATION_TAG_ADDED"] });
    // @ts-expect-error not an event the spec describes
    createCx({ dixaEvents: ["CONVERSATION_CLOSE"] });
  });
});
