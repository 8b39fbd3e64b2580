// Type tests of the generated Dixa client: checked by `tsc` and `vitest --typecheck`, never executed.
import { describe, expectTypeOf, test } from "vitest";
import {
  type ConversationLink,
  type components,
  createDixaClient,
  type DixaClient,
  type UserPresence,
} from "../../src/index.js";

type Schemas = components["schemas"];
/**
 * Note: `Conversation` is open (`additionalProperties: true`), which openapi-typescript writes as an
 * intersection with an index signature; openapi-fetch's response types flatten it into one object
 * type. Both are the same type to the compiler (each assigns to the other); `toEqualTypeOf` compares
 * their spelling, so the tests name the flattened form.
 */
type Flat<T> = { [K in keyof T]: T[K] };

const dixa: DixaClient = createDixaClient({ apiKey: "test-key" });
const AGENT_ID = "5a556159-9c21-4f3e-a44f-d323deb80d16";

describe("response types", () => {
  test("getConversation's data is the Conversation schema in a data envelope", async () => {
    const { data, error } = await dixa.GET("/conversations/{conversationId}", {
      params: { path: { conversationId: 100 } },
    });
    expectTypeOf(data).toEqualTypeOf<{ data: Flat<Schemas["Conversation"]> } | undefined>();
    if (data) {
      expectTypeOf(data.data).toEqualTypeOf<Flat<Schemas["Conversation"]>>();
      expectTypeOf(data.data).toExtend<Schemas["Conversation"]>();
      expectTypeOf<Schemas["Conversation"]>().toExtend<typeof data.data>();
      expectTypeOf(data.data.browserInfo).toBeUnknown();
      expectTypeOf(data.data.id).toBeNumber();
      expectTypeOf(data.data.channel).toEqualTypeOf<Schemas["ConversationChannel"]>();
    }
    expectTypeOf(error).toEqualTypeOf<Schemas["ErrorResponse"] | undefined>();
  });

  test("a 204 operation has no data", async () => {
    const { data } = await dixa.PUT("/conversations/{conversationId}/claim", {
      params: { path: { conversationId: 100 } },
      body: { agentId: AGENT_ID },
    });
    expectTypeOf(data).toEqualTypeOf<undefined>();
  });

  test("bulk outcomes narrow on _type", async () => {
    const { data } = await dixa.POST("/conversations/{conversationId}/notes/bulk", {
      params: { path: { conversationId: 100 } },
      body: { data: [{ message: "A sample note" }] },
    });
    const outcome = data?.data[0];
    if (outcome?._type === "BulkActionSuccess")
      expectTypeOf(outcome.data).toEqualTypeOf<Schemas["InternalNote"]>();
    if (outcome?._type === "BulkActionFailure") expectTypeOf(outcome.error.message).toBeString();
  });

  test("custom attribute values are a string or a string array", () => {
    expectTypeOf<Schemas["CustomAttribute"]["value"]>().toEqualTypeOf<string | string[]>();
    expectTypeOf<Schemas["CustomAttributesPatch"][string]>().toEqualTypeOf<string | null | string[]>();
  });
});

describe("types that follow Dixa's v1 document", () => {
  test("a conversation's link narrows on _type to EmailForward, FollowUp or SideConversation", async () => {
    const { data } = await dixa.GET("/conversations/{conversationId}", {
      params: { path: { conversationId: 100 } },
    });
    const link = data?.data.link;
    expectTypeOf(link).toEqualTypeOf<ConversationLink | undefined>();
    expectTypeOf<ConversationLink["_type"]>().toEqualTypeOf<
      "EmailForward" | "FollowUp" | "SideConversation"
    >();
    if (link?._type === "SideConversation")
      expectTypeOf(link).toEqualTypeOf<Schemas["SideConversationLink"]>();
    expectTypeOf<ConversationLink>().not.toHaveProperty("linkType");
  });

  test("an activity log entry requires _type, whose values are Dixa's, and keeps activityType", () => {
    type Entry = Schemas["ActivityLogEntry"];
    expectTypeOf<Entry["_type"]>().toExtend<string>();
    expectTypeOf<"ConversationClosed">().toExtend<Entry["_type"]>();
    // @ts-expect-error -- not one of Dixa's activity types
    const made: Entry["_type"] = "ConversationCreatedByEndUser";
    void made;
    expectTypeOf<Pick<Entry, "_type" | "activityType" | "conversationId">>().toEqualTypeOf<{
      _type: Entry["_type"];
      activityType: string;
      conversationId: number;
    }>();
  });

  test("the added message requires only content, direction and authorId", () => {
    type Added = Schemas["AddedMessage"];
    expectTypeOf<Added["messageId"]>().toEqualTypeOf<string | undefined>();
    expectTypeOf<Added["createdAt"]>().toEqualTypeOf<string | undefined>();
    expectTypeOf<Pick<Added, "content" | "direction" | "authorId">>().toEqualTypeOf<{
      content: Schemas["MessageContent"];
      direction: Schemas["ConversationDirection"];
      authorId: string;
    }>();
  });

  test("the anonymize operations answer 202 with the request status", async () => {
    const { data } = await dixa.PATCH("/conversations/{conversationId}/anonymize", {
      params: { path: { conversationId: 100 } },
    });
    expectTypeOf(data).toEqualTypeOf<{ data: Schemas["AnonymizationRequestStatus"] } | undefined>();
  });

  test("the agents' presence is a bare array, with no data envelope", async () => {
    const { data } = await dixa.GET("/agents/presence");
    expectTypeOf(data).toEqualTypeOf<UserPresence[] | undefined>();
  });

  test("a webhook subscription needs authorization, and a rating offer needs agentId", () => {
    // @ts-expect-error -- authorization is required (NoAuth when the server needs none)
    void dixa.POST("/webhooks", { body: { name: "w", url: "https://example.webhook/w" } });
    void dixa.POST("/webhooks", {
      body: { name: "w", url: "https://example.webhook/w", authorization: { _type: "NoAuth" } },
    });
    void dixa.POST("/conversations/{conversationId}/ratings/offer", {
      params: { path: { conversationId: 100 } },
      // @ts-expect-error -- agentId is required
      body: { userId: "u", ratingType: "Csat" },
    });
  });
});

describe("requests that must not compile", () => {
  test("a path the spec does not have", () => {
    // @ts-expect-error -- the path is /conversations/{conversationId}, not /conversation/{conversationId}
    void dixa.GET("/conversation/{conversationId}", { params: { path: { conversationId: 100 } } });
  });

  test("a method the path does not have", () => {
    // @ts-expect-error -- conversations are read with GET; there is no DELETE
    void dixa.DELETE("/conversations/{conversationId}", { params: { path: { conversationId: 100 } } });
  });

  test("a body field of the wrong type", () => {
    void dixa.PUT("/conversations/{conversationId}/claim", {
      params: { path: { conversationId: 100 } },
      // @ts-expect-error -- agentId is a UUID string, not a number
      body: { agentId: 42 },
    });
  });

  test("a body without a required field", () => {
    void dixa.PUT("/conversations/{conversationId}/transfer/queue", {
      params: { path: { conversationId: 100 } },
      // @ts-expect-error -- queueId is required
      body: { userId: AGENT_ID },
    });
  });

  test("a missing required path parameter", () => {
    // @ts-expect-error -- conversationId is required in params.path
    void dixa.GET("/conversations/{conversationId}", { params: { path: {} } });
  });

  test("a call without params for a templated path", () => {
    // @ts-expect-error -- the path has a conversationId, so params are required
    void dixa.GET("/conversations/{conversationId}");
  });

  test("a path parameter of the wrong type", () => {
    // @ts-expect-error -- conversation ids are int64 numbers
    void dixa.GET("/conversations/{conversationId}", { params: { path: { conversationId: "100" } } });
  });

  test("a discriminator value the union does not have", () => {
    void dixa.POST("/conversations/{conversationId}/messages", {
      params: { path: { conversationId: 100 } },
      // @ts-expect-error -- messages are Inbound or Outbound
      body: { content: { value: "Hi", _type: "Text" }, _type: "Internal" },
    });
  });

  test("a webhook event Dixa does not send", () => {
    // @ts-expect-error -- not a WebhookEvent
    const event: Schemas["WebhookEvent"] = "ConversationDeleted";
    void event;
  });
});
