// Contract tests of conversation import and flows ("Conversations" tag) against Prism serving specs/dixa/openapi.yaml.
import { readViolations } from "@cxkit/mocks";
import { failure, happy } from "@cxkit/mocks/contract";
import { mockUrl } from "@cxkit/mocks/vitest";
import { beforeAll, describe, expect } from "vitest";
import { createDixaClient, type DixaClient } from "../../src/index.js";

const REQUESTER_ID = "9c2a2cce-699f-4a72-89d9-fda5bc8dec8b";
const BOT_AGENT_ID = "5a556159-9c21-4f3e-a44f-d323deb80d16";

let dixa: DixaClient;

beforeAll(() => {
  dixa = createDixaClient({ apiKey: "test-key", baseUrl: mockUrl("dixa") });
});

describe("importConversation", () => {
  happy("importConversation", "imports a conversation with its history and returns the new id", async () => {
    const { data, error, response } = await dixa.POST("/conversations/import", {
      body: {
        genericChannelName: "genericapimessaging",
        requesterId: REQUESTER_ID,
        requesterConnectionStatus: "Connected",
        direction: "Inbound",
        agentId: BOT_AGENT_ID,
        createdAt: "2021-12-01T13:00:00.000Z",
        messages: [
          {
            content: { value: "My order hasn't shipped", _type: "Text" },
            attachments: [],
            createdAt: "2021-12-01T13:00:00.003Z",
          },
        ],
        closing: { closedAt: "2021-12-01T13:05:00.000Z", closedBy: BOT_AGENT_ID },
      },
    });
    expect(response.status).toBe(201);
    expect(error).toBeUndefined();
    expect(data?.data).toEqual({ id: 102, partialErrors: [] });
  });

  failure("importConversation", "rejects an import without genericChannelName and createdAt", async () => {
    const { data, error, response } = await dixa.POST("/conversations/import", {
      // @ts-expect-error -- genericChannelName and createdAt are required; left out on purpose
      body: { requesterId: REQUESTER_ID, direction: "Inbound" },
    });
    expect(response.status).toBe(400);
    expect(data).toBeUndefined();
    expect(error?.message).toEqual(expect.any(String));
    const missing = readViolations(response).filter((violation) => violation.code === "required");
    expect(missing.map((violation) => violation.message)).toEqual([
      expect.stringContaining("'genericChannelName'"),
      expect.stringContaining("'createdAt'"),
    ]);
  });
});

describe("listConversationFlows", () => {
  happy("listConversationFlows", "lists the flows of a channel", async () => {
    const { data, error, response } = await dixa.GET("/conversations/flows", {
      params: { query: { channel: "PstnPhone" } },
    });
    expect(response.status).toBe(200);
    expect(error).toBeUndefined();
    expect(data?.data[0]).toEqual({
      id: expect.any(String),
      name: "Default call flow",
      channel: "PstnPhone",
      contactEndpointId: expect.any(String),
    });
  });

  failure("listConversationFlows", "rejects a channel that has no flows (Sms)", async () => {
    const { data, response } = await dixa.GET("/conversations/flows", {
      // @ts-expect-error -- flows exist for nine channels; Sms is not one of them
      params: { query: { channel: "Sms" } },
    });
    expect(response.status).toBe(400);
    expect(data).toBeUndefined();
    expect(readViolations(response)).toContainEqual(
      expect.objectContaining({ location: ["request", "query", "channel"], code: "enum" }),
    );
  });
});
