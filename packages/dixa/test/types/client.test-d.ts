// Type tests of the generated Dixa client: checked by `tsc` and `vitest --typecheck`, never executed.
import { describe, expectTypeOf, test } from "vitest";
import { type components, createDixaClient, type DixaClient } from "../../src/index.js";

type Schemas = components["schemas"];

const dixa: DixaClient = createDixaClient({ apiKey: "test-key" });
const AGENT_ID = "5a556159-9c21-4f3e-a44f-d323deb80d16";

describe("response types", () => {
  test("getConversation's data is the Conversation schema in a data envelope", async () => {
    const { data, error } = await dixa.GET("/conversations/{conversationId}", {
      params: { path: { conversationId: 100 } },
    });
    expectTypeOf(data).toEqualTypeOf<{ data: Schemas["Conversation"] } | undefined>();
    if (data) {
      expectTypeOf(data.data).toEqualTypeOf<Schemas["Conversation"]>();
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
