// Contract tests of the "Messages" tag against Prism serving specs/dixa/openapi.yaml.
import { preferCode, readViolations } from "@cxkit/mocks";
import { failure, happy } from "@cxkit/mocks/contract";
import { mockUrl } from "@cxkit/mocks/vitest";
import { beforeAll, describe, expect } from "vitest";
import { createDixaClient, type DixaClient } from "../../src/index.js";

const AGENT_ID = "5a556159-9c21-4f3e-a44f-d323deb80d16";
const conversation = { path: { conversationId: 100 } };

let dixa: DixaClient;

beforeAll(() => {
  dixa = createDixaClient({ apiKey: "test-key", baseUrl: mockUrl("dixa") });
});

describe("listMessages", () => {
  happy("listMessages", "lists the conversation's messages with their channel attributes", async () => {
    const { data, error, response } = await dixa.GET("/conversations/{conversationId}/messages", {
      params: conversation,
    });
    expect(response.status).toBe(200);
    expect(error).toBeUndefined();
    expect(data?.data[0]).toMatchObject({
      id: expect.any(String),
      authorId: expect.any(String),
      createdAt: expect.any(String),
      attributes: { _type: "EmailAttributes" },
    });
  });

  failure("listMessages", "surfaces a documented 404 as a typed error", async () => {
    const { data, error, response } = await dixa.GET("/conversations/{conversationId}/messages", {
      params: conversation,
      headers: preferCode(404),
    });
    expect(response.status).toBe(404);
    expect(data).toBeUndefined();
    expect(error?.message).toEqual(expect.any(String));
  });
});

describe("addMessage", () => {
  happy("addMessage", "adds an inbound message and returns it", async () => {
    const { data, error, response } = await dixa.POST("/conversations/{conversationId}/messages", {
      params: conversation,
      body: { content: { value: "I need some help!", _type: "Html" }, attachments: [], _type: "Inbound" },
    });
    expect(response.status).toBe(200);
    expect(error).toBeUndefined();
    expect(data?.data).toMatchObject({
      content: { value: expect.any(String), _type: "Html" },
      direction: expect.any(String),
      authorId: expect.any(String),
      messageId: expect.any(String),
      createdAt: expect.any(String),
    });
  });

  happy("addMessage", "adds an outbound Markdown message authored by an agent", async () => {
    const { response } = await dixa.POST("/conversations/{conversationId}/messages", {
      params: conversation,
      body: {
        agentId: AGENT_ID,
        content: { value: "**Shipped** today", _type: "Markdown" },
        attachments: [{ url: "https://example.com/label.pdf", prettyName: "label.pdf" }],
        _type: "Outbound",
      },
    });
    expect(response.status).toBe(200);
    expect(readViolations(response)).toEqual([]);
  });

  failure("addMessage", "rejects an outbound message without agentId", async () => {
    const { data, error, response } = await dixa.POST("/conversations/{conversationId}/messages", {
      params: conversation,
      // @ts-expect-error -- an Outbound message needs agentId; it is left out on purpose
      body: { content: { value: "Hello", _type: "Text" }, _type: "Outbound" },
    });
    expect(response.status).toBe(400);
    expect(data).toBeUndefined();
    expect(error?.message).toEqual(expect.any(String));
    expect(readViolations(response)).toContainEqual(
      expect.objectContaining({ code: "required", message: expect.stringContaining("'agentId'") }),
    );
  });

  failure("addMessage", "rejects a content format other than Text, Html or Markdown", async () => {
    const { response } = await dixa.POST("/conversations/{conversationId}/messages", {
      params: conversation,
      // @ts-expect-error -- "Rtf" is not a content _type; sent on purpose
      body: { content: { value: "Hello", _type: "Rtf" }, _type: "Inbound" },
    });
    expect(response.status).toBe(400);
    expect(readViolations(response)).toContainEqual(
      expect.objectContaining({ location: ["request", "body", "content", "_type"], code: "enum" }),
    );
  });
});
