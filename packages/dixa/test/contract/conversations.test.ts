// Contract tests of the "Conversations" tag against Prism serving specs/dixa/openapi.yaml.
import { preferCode, readViolations } from "@cxkit/mocks";
import { failure, happy } from "@cxkit/mocks/contract";
import { mockUrl } from "@cxkit/mocks/vitest";
import { beforeAll, describe, expect } from "vitest";
import { createDixaClient, type DixaClient, InvalidRequestError } from "../../src/index.js";

const AGENT_ID = "5a556159-9c21-4f3e-a44f-d323deb80d16";
const REQUESTER_ID = "9c2a2cce-699f-4a72-89d9-fda5bc8dec8b";
const QUEUE_ID = "8b4e3f63-6f0d-4d43-9a4c-2b0f5c8c1e11";
const MESSAGE_ID = "b165fdaa-51d6-44b0-bfcd-5f431d623fa7";
const TEXT_ATTRIBUTE_ID = "2f5515b6-7e98-4f4d-9010-bfd2a27d4f35";
const SELECT_ATTRIBUTE_ID = "e14708a6-eed9-495c-9d88-c72331e9e247";
const conversation = { path: { conversationId: 100 } };

const conversationShape = {
  id: expect.any(Number),
  requesterId: expect.any(String),
  channel: expect.any(String),
  createdAt: expect.any(String),
};

let dixa: DixaClient;

beforeAll(() => {
  dixa = createDixaClient({ apiKey: "test-key", baseUrl: mockUrl("dixa") });
});

describe("getConversation", () => {
  happy("getConversation", "returns the conversation inside a data envelope", async () => {
    const { data, error, response } = await dixa.GET("/conversations/{conversationId}", {
      params: conversation,
    });
    expect(response.status).toBe(200);
    expect(error).toBeUndefined();
    expect(data?.data).toMatchObject({
      ...conversationShape,
      id: 100,
      channel: "Email",
      _type: "EmailConversation",
    });
    expect(data?.data.customAttributes?.[0]).toEqual({
      id: "c43fc767-f89b-443a-9c98-90f53f940bd7",
      name: "Parcel ID",
      identifier: "parcel_id",
      value: "012345",
    });
  });

  failure("getConversation", "surfaces a documented 404 as a typed error", async () => {
    const { data, error, response } = await dixa.GET("/conversations/{conversationId}", {
      params: conversation,
      headers: preferCode(404),
    });
    expect(response.status).toBe(404);
    expect(data).toBeUndefined();
    expect(error?.message).toBe("An entity in this request could not be found");
  });

  failure("getConversation", "rejects a conversation id that is not an integer", async () => {
    const { error, response } = await dixa.GET("/conversations/{conversationId}", {
      // @ts-expect-error -- conversation ids are int64; a string is sent on purpose
      params: { path: { conversationId: "abc" } },
    });
    expect(response.status).toBe(400);
    expect(error?.message).toEqual(expect.any(String));
    // Note: Prism reports path and query parameter names in lower case.
    expect(readViolations(response)).toContainEqual(
      expect.objectContaining({ location: ["request", "path", "conversationid"], code: "type" }),
    );
  });
});

describe("createConversation", () => {
  happy("createConversation", "creates an Email conversation and returns its numeric id", async () => {
    const { data, error, response } = await dixa.POST("/conversations", {
      body: {
        requesterId: REQUESTER_ID,
        emailIntegrationId: "my-integration@email.dixa.io",
        subject: "order #123",
        message: {
          content: { value: "My order hasn't shipped", _type: "Text" },
          attachments: [],
          _type: "Inbound",
        },
        language: "en",
        _type: "Email",
      },
    });
    expect(response.status).toBe(201);
    expect(error).toBeUndefined();
    expect(data).toEqual({ data: { id: 100 } });
  });

  happy("createConversation", "creates a Callback conversation, which carries no message", async () => {
    const { data, response } = await dixa.POST("/conversations", {
      body: {
        requesterId: REQUESTER_ID,
        direction: "Outbound",
        contactEndpointId: "+4512345678",
        queueId: QUEUE_ID,
        _type: "Callback",
      },
    });
    expect(response.status).toBe(201);
    expect(data?.data.id).toEqual(expect.any(Number));
  });

  failure("createConversation", "rejects an Email conversation without subject and message", async () => {
    const { data, error, response } = await dixa.POST("/conversations", {
      // @ts-expect-error -- an Email conversation needs emailIntegrationId, subject and message
      body: { requesterId: REQUESTER_ID, _type: "Email" },
    });
    expect(response.status).toBe(400);
    expect(data).toBeUndefined();
    expect(error?.message).toEqual(expect.any(String));
    expect(readViolations(response)).toContainEqual(
      expect.objectContaining({ location: ["request", "body"], code: "required" }),
    );
  });

  failure("createConversation", "rejects an unknown conversation _type", async () => {
    const { error, response } = await dixa.POST("/conversations", {
      body: {
        requesterId: REQUESTER_ID,
        direction: "Inbound",
        contactEndpointId: "x",
        queueId: QUEUE_ID,
        // @ts-expect-error -- "Fax" is not one of Email, Chat, ContactForm, Sms, Callback
        _type: "Fax",
      },
    });
    expect(response.status).toBe(400);
    expect(error).toBeDefined();
    expect(readViolations(response)).toContainEqual(
      expect.objectContaining({ location: ["request", "body", "_type"], code: "enum" }),
    );
  });
});

describe("claimConversation", () => {
  happy("claimConversation", "claims the conversation for an agent with 204 No Content", async () => {
    const { data, error, response } = await dixa.PUT("/conversations/{conversationId}/claim", {
      params: conversation,
      body: { agentId: AGENT_ID, force: false },
    });
    expect(response.status).toBe(204);
    expect(data).toBeUndefined();
    expect(error).toBeUndefined();
  });

  failure("claimConversation", "rejects a claim without agentId", async () => {
    const { error, response } = await dixa.PUT("/conversations/{conversationId}/claim", {
      params: conversation,
      // @ts-expect-error -- agentId is required; it is left out on purpose
      body: { force: true },
    });
    expect(response.status).toBe(400);
    expect(error?.message).toEqual(expect.any(String));
    expect(readViolations(response)).toContainEqual(
      expect.objectContaining({
        location: ["request", "body"],
        code: "required",
        message: expect.stringContaining("'agentId'"),
      }),
    );
  });
});

describe("closeConversation", () => {
  happy("closeConversation", "closes the conversation without a body", async () => {
    const { error, response } = await dixa.PUT("/conversations/{conversationId}/close", {
      params: conversation,
    });
    expect(response.status).toBe(204);
    expect(error).toBeUndefined();
  });

  happy("closeConversation", "closes the conversation on behalf of a user", async () => {
    const { response } = await dixa.PUT("/conversations/{conversationId}/close", {
      params: conversation,
      body: { userId: AGENT_ID },
    });
    expect(response.status).toBe(204);
  });

  failure("closeConversation", "rejects a userId that is not a UUID", async () => {
    const { error, response } = await dixa.PUT("/conversations/{conversationId}/close", {
      params: conversation,
      body: { userId: "agent-42" },
    });
    expect(response.status).toBe(400);
    expect(error?.message).toEqual(expect.any(String));
    expect(readViolations(response)).toContainEqual(
      expect.objectContaining({ location: ["request", "body", "userId"], code: "format" }),
    );
  });
});

describe("reopenConversation", () => {
  happy("reopenConversation", "reopens the conversation with 204 No Content", async () => {
    const { error, response } = await dixa.PUT("/conversations/{conversationId}/reopen", {
      params: conversation,
      body: { userId: AGENT_ID },
    });
    expect(response.status).toBe(204);
    expect(error).toBeUndefined();
  });

  failure("reopenConversation", "rejects a userId that is not a string", async () => {
    const { error, response } = await dixa.PUT("/conversations/{conversationId}/reopen", {
      params: conversation,
      // @ts-expect-error -- userId is a UUID string; a number is sent on purpose
      body: { userId: 42 },
    });
    expect(response.status).toBe(400);
    expect(error).toBeDefined();
    expect(readViolations(response)).toContainEqual(
      expect.objectContaining({ location: ["request", "body", "userId"], code: "type" }),
    );
  });
});

describe("transferConversationToQueue", () => {
  happy("transferConversationToQueue", "transfers the conversation to a queue", async () => {
    const { error, response } = await dixa.PUT("/conversations/{conversationId}/transfer/queue", {
      params: conversation,
      body: { queueId: QUEUE_ID, userId: AGENT_ID },
    });
    expect(response.status).toBe(204);
    expect(error).toBeUndefined();
  });

  failure("transferConversationToQueue", "rejects a transfer without queueId", async () => {
    const { error, response } = await dixa.PUT("/conversations/{conversationId}/transfer/queue", {
      params: conversation,
      // @ts-expect-error -- queueId is required; only userId is sent
      body: { userId: AGENT_ID },
    });
    expect(response.status).toBe(400);
    expect(error?.message).toEqual(expect.any(String));
    expect(readViolations(response)).toContainEqual(
      expect.objectContaining({ code: "required", message: expect.stringContaining("'queueId'") }),
    );
  });
});

describe("followUpConversation", () => {
  happy("followUpConversation", "puts the conversation in follow-up until a timestamp", async () => {
    const { error, response } = await dixa.PUT("/conversations/{conversationId}/followup", {
      params: conversation,
      body: { timestamp: "2024-03-12T09:00:00Z" },
    });
    expect(response.status).toBe(204);
    expect(error).toBeUndefined();
  });

  failure("followUpConversation", "rejects the MCP server's {followUp: true} body", async () => {
    const { error, response } = await dixa.PUT("/conversations/{conversationId}/followup", {
      params: conversation,
      // @ts-expect-error -- the documented body is {timestamp, userId?}; the MCP server's shape is sent on purpose
      body: { followUp: true },
    });
    expect(response.status).toBe(400);
    expect(error).toBeDefined();
    expect(readViolations(response)).toContainEqual(
      expect.objectContaining({ code: "required", message: expect.stringContaining("'timestamp'") }),
    );
  });

  failure("followUpConversation", "rejects a timestamp that is not a date-time", async () => {
    const { response } = await dixa.PUT("/conversations/{conversationId}/followup", {
      params: conversation,
      body: { timestamp: "tomorrow" },
    });
    expect(response.status).toBe(400);
    expect(readViolations(response)).toContainEqual(
      expect.objectContaining({ location: ["request", "body", "timestamp"], code: "format" }),
    );
  });
});

describe("anonymizeConversation", () => {
  happy("anonymizeConversation", "accepts the request with 202 and returns its pending status", async () => {
    const { data, error, response } = await dixa.PATCH("/conversations/{conversationId}/anonymize", {
      params: { ...conversation, query: { force: true } },
    });
    expect(response.status).toBe(202);
    expect(error).toBeUndefined();
    expect(data?.data).toMatchObject({
      id: expect.any(String),
      _type: "Conversation",
      initiatedAt: expect.any(String),
      targetEntityId: "100",
      requestedBy: expect.any(String),
    });
    expect(data?.data).not.toHaveProperty("processedAt");
  });

  failure("anonymizeConversation", "surfaces a documented 409 as a typed error", async () => {
    const { data, error, response } = await dixa.PATCH("/conversations/{conversationId}/anonymize", {
      params: { ...conversation, query: {} },
      headers: preferCode(409),
    });
    expect(response.status).toBe(409);
    expect(data).toBeUndefined();
    expect(error?.message).toBe("Conflict");
  });

  failure("anonymizeConversation", "rejects a force flag that is not a boolean", async () => {
    const { error, response } = await dixa.PATCH("/conversations/{conversationId}/anonymize", {
      // @ts-expect-error -- force is a boolean; a word is sent on purpose
      params: { ...conversation, query: { force: "maybe" } },
    });
    expect(response.status).toBe(400);
    expect(error?.message).toEqual(expect.any(String));
    expect(readViolations(response)).toContainEqual(
      expect.objectContaining({ location: ["request", "query", "force"], code: "type" }),
    );
  });
});

describe("anonymizeMessage", () => {
  happy("anonymizeMessage", "accepts the request with 202 and returns its status", async () => {
    const { data, response } = await dixa.PATCH(
      "/conversations/{conversationId}/messages/{messageId}/anonymize",
      {
        params: { path: { conversationId: 100, messageId: MESSAGE_ID } },
      },
    );
    expect(response.status).toBe(202);
    expect(data?.data).toMatchObject({
      id: expect.any(String),
      _type: "Message",
      entityType: "MessageAnonymizationType",
    });
  });

  failure("anonymizeMessage", "rejects a message id that is not a UUID", async () => {
    const { error, response } = await dixa.PATCH(
      "/conversations/{conversationId}/messages/{messageId}/anonymize",
      {
        params: { path: { conversationId: 100, messageId: "message-1" } },
      },
    );
    expect(response.status).toBe(400);
    expect(error?.message).toEqual(expect.any(String));
    expect(readViolations(response)).toContainEqual(
      expect.objectContaining({ location: ["request", "path", "messageid"], code: "format" }),
    );
  });
});

describe("patchConversationCustomAttributes", () => {
  happy(
    "patchConversationCustomAttributes",
    "sets a Text and a Select attribute by definition id",
    async () => {
      const { data, error, response } = await dixa.PATCH(
        "/conversations/{conversationId}/custom-attributes",
        {
          params: conversation,
          body: { [TEXT_ATTRIBUTE_ID]: "012345", [SELECT_ATTRIBUTE_ID]: ["str1", "str2"] },
        },
      );
      expect(response.status).toBe(200);
      expect(error).toBeUndefined();
      expect(data?.data).toEqual([
        {
          id: TEXT_ATTRIBUTE_ID,
          name: "Conversation attribute",
          identifier: "conversation_attribute",
          value: "012345",
        },
        {
          id: SELECT_ATTRIBUTE_ID,
          name: "Conversation attribute 2",
          identifier: "conversation_attribute_2",
          value: ["str1", "str2"],
        },
      ]);
    },
  );

  happy("patchConversationCustomAttributes", "accepts null to clear an attribute", async () => {
    const { response } = await dixa.PATCH("/conversations/{conversationId}/custom-attributes", {
      params: conversation,
      body: { [TEXT_ATTRIBUTE_ID]: null },
    });
    expect(response.status).toBe(200);
    expect(readViolations(response)).toEqual([]);
  });

  failure("patchConversationCustomAttributes", "rejects a number as an attribute value", async () => {
    const { error, response } = await dixa.PATCH("/conversations/{conversationId}/custom-attributes", {
      params: conversation,
      // @ts-expect-error -- values are a string, a string array or null; a number is sent on purpose
      body: { [TEXT_ATTRIBUTE_ID]: 42 },
    });
    expect(response.status).toBe(400);
    expect(error?.message).toEqual(expect.any(String));
    expect(readViolations(response)).toContainEqual(
      expect.objectContaining({ location: ["request", "body", TEXT_ATTRIBUTE_ID] }),
    );
  });

  failure("patchConversationCustomAttributes", "the mock rejects a key that is not a UUID", async () => {
    // Note: sent with plain fetch, past the client's own check, to prove the spec's propertyNames.
    const response = await fetch(`${mockUrl("dixa")}/conversations/100/custom-attributes`, {
      method: "PATCH",
      headers: { Authorization: "test-key", "Content-Type": "application/json" },
      body: JSON.stringify({ parcel_id: "x" }),
    });
    expect(response.status).toBe(400);
    expect(readViolations(response)).toContainEqual(
      expect.objectContaining({ location: ["request", "body"], code: "propertyNames" }),
    );
  });

  failure("patchConversationCustomAttributes", "the client refuses that key before sending", async () => {
    const call = dixa.PATCH("/conversations/{conversationId}/custom-attributes", {
      params: conversation,
      body: { parcel_id: "x" },
    });
    await expect(call).rejects.toThrow(InvalidRequestError);
    await expect(call).rejects.toThrow(/"parcel_id" is not a UUID/);
  });

  failure("patchConversationCustomAttributes", "rejects an empty patch", async () => {
    const { response } = await dixa.PATCH("/conversations/{conversationId}/custom-attributes", {
      params: conversation,
      body: {},
    });
    expect(response.status).toBe(400);
    expect(readViolations(response)).toContainEqual(expect.objectContaining({ code: "minProperties" }));
  });
});

describe("listConversationActivityLog", () => {
  happy("listConversationActivityLog", "lists the conversation's activity log entries", async () => {
    const { data, error, response } = await dixa.GET("/conversations/{conversationId}/activitylog", {
      params: conversation,
    });
    expect(response.status).toBe(200);
    expect(error).toBeUndefined();
    expect(data?.data[0]).toMatchObject({
      id: expect.any(String),
      conversationId: 100,
      activityTimestamp: expect.any(String),
      _type: "ConversationCreatedByCustomer",
      activityType: "ConversationCreatedByCustomerActivityType",
    });
  });

  failure("listConversationActivityLog", "surfaces a documented 404 as a typed error", async () => {
    const { data, error, response } = await dixa.GET("/conversations/{conversationId}/activitylog", {
      params: conversation,
      headers: preferCode(404),
    });
    expect(response.status).toBe(404);
    expect(data).toBeUndefined();
    expect(error?.message).toEqual(expect.any(String));
  });
});

describe("listOrganizationActivityLog", () => {
  happy("listOrganizationActivityLog", "returns a page of entries with a relative next link", async () => {
    const { data, error, response } = await dixa.GET("/conversations/activitylog", {
      params: {
        query: { pageLimit: 50, fromDatetime: "2024-03-01T00:00:00Z", toDatetime: "2024-03-31T23:59:59Z" },
      },
    });
    expect(response.status).toBe(200);
    expect(error).toBeUndefined();
    expect(data?.data[0]).toMatchObject({ id: expect.any(String), _type: "ConversationClosed" });
    expect(data?.meta?.next).toMatch(/^\/.*[?&]pageKey=/);
  });

  failure("listOrganizationActivityLog", "rejects a fromDatetime that is not a date-time", async () => {
    const { error, response } = await dixa.GET("/conversations/activitylog", {
      params: { query: { fromDatetime: "yesterday" } },
    });
    expect(response.status).toBe(400);
    expect(error?.message).toEqual(expect.any(String));
    expect(readViolations(response)).toContainEqual(
      expect.objectContaining({ location: ["request", "query", "fromdatetime"], code: "format" }),
    );
  });
});

describe("linkConversation", () => {
  happy("linkConversation", "links the conversation to a parent", async () => {
    const { error, response } = await dixa.PUT("/conversations/{conversationId}/link", {
      params: conversation,
      body: { parentId: 12345, linkType: "SideConversation" },
    });
    expect(response.status).toBe(204);
    expect(error).toBeUndefined();
  });

  failure("linkConversation", "rejects the MCP server's parentConversationId field", async () => {
    const { error, response } = await dixa.PUT("/conversations/{conversationId}/link", {
      params: conversation,
      // @ts-expect-error -- the documented field is parentId; the MCP server's name is sent on purpose
      body: { parentConversationId: 12345 },
    });
    expect(response.status).toBe(400);
    expect(error).toBeDefined();
    expect(readViolations(response)).toContainEqual(
      expect.objectContaining({ code: "required", message: expect.stringContaining("'parentId'") }),
    );
  });
});

describe("listLinkedConversations", () => {
  happy("listLinkedConversations", "lists the child conversations with their parent link", async () => {
    const { data, error, response } = await dixa.GET("/conversations/{conversationId}/linked", {
      params: conversation,
    });
    expect(response.status).toBe(200);
    expect(error).toBeUndefined();
    expect(data?.data[0]).toMatchObject({
      ...conversationShape,
      link: { parentId: 100, _type: "SideConversation" },
    });
  });

  failure("listLinkedConversations", "surfaces a documented 404 as a typed error", async () => {
    const { error, response } = await dixa.GET("/conversations/{conversationId}/linked", {
      params: conversation,
      headers: preferCode(404),
    });
    expect(response.status).toBe(404);
    expect(error?.message).toEqual(expect.any(String));
  });
});
