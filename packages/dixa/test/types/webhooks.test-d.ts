// Type tests of the webhook events: `kind` then `event_fqn` narrow `data`; unknown events stay unknown.
import { describe, expectTypeOf, test } from "vitest";
import type { KnownWebhookEventName } from "../../src/generated/webhook-events.js";
import type {
  DixaWebhookConversation,
  DixaWebhookEvent,
  DixaWebhookEventFqn,
  DixaWebhookEventOf,
} from "../../src/webhooks/index.js";
import { verifyDixaWebhook } from "../../src/webhooks/index.js";

declare const event: DixaWebhookEvent;

describe("DixaWebhookEvent", () => {
  test("kind and event_fqn narrow data to the event's schema", () => {
    if (event.kind !== "unknown-event" && event.event_fqn === "CONVERSATION_CLOSED") {
      expectTypeOf(event.data.conversation).toEqualTypeOf<DixaWebhookConversation>();
      expectTypeOf(event.data.conversation.csid).toEqualTypeOf<number>();
    }
    if (event.kind === "known-event" && event.event_fqn === "CONVERSATION_RATED") {
      expectTypeOf(event.data.score).toEqualTypeOf<number | undefined>();
      expectTypeOf(event.data.comment).toEqualTypeOf<string | null | undefined>();
    }
    if (event.kind === "known-event" && event.event_fqn === "CONVERSATION_TAG_ADDED") {
      expectTypeOf(event.data.tag).toEqualTypeOf<string | undefined>();
    }
  });

  test("an unknown event's data is unknown, and event_fqn alone does not narrow", () => {
    if (event.kind === "unknown-event") {
      expectTypeOf(event.data).toBeUnknown();
      expectTypeOf(event.event_fqn).toBeString();
    }
    if (event.event_fqn === "CONVERSATION_CLOSED") {
      // @ts-expect-error an unknown event may carry any event_fqn: check `kind` first
      void event.data.conversation;
    }
  });

  test("a narrowed event does not offer another event's fields", () => {
    if (event.kind === "known-event" && event.event_fqn === "CONVERSATION_CLOSED") {
      // @ts-expect-error `score` is a field of CONVERSATION_RATED, not of CONVERSATION_CLOSED
      expectTypeOf(event.data.score).toEqualTypeOf<number | undefined>();
    }
    // @ts-expect-error not an event_fqn the spec describes
    expectTypeOf<DixaWebhookEventOf<"CONVERSATION_CLOSE">>().toBeObject();
  });

  test("the known event names are the ones verification returns as known (the generated list)", () => {
    expectTypeOf<DixaWebhookEventFqn>().toEqualTypeOf<KnownWebhookEventName>();
    expectTypeOf<DixaWebhookEventOf<"CONVERSATION_ABANDONED">["data"]["queue"]["id"]>().toBeString();
  });

  test("verifyDixaWebhook takes a raw body, headers and a secret, and returns the event", () => {
    expectTypeOf(verifyDixaWebhook).parameter(0).toEqualTypeOf<string | Uint8Array>();
    expectTypeOf(verifyDixaWebhook).returns.resolves.toEqualTypeOf<DixaWebhookEvent>();
    // @ts-expect-error the body is the raw body, not a parsed object
    void verifyDixaWebhook({ event_id: "x" }, {}, "00");
    // @ts-expect-error `tolerance` is not an option (`toleranceSeconds` is)
    void verifyDixaWebhook("{}", {}, "00", { tolerance: 300 });
  });
});
