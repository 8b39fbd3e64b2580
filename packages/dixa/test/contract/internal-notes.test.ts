// Contract tests of the "Internal Notes" tag against Prism serving specs/dixa/openapi.yaml.
import { preferCode, readViolations } from "@cxkit/mocks";
import { failure, happy } from "@cxkit/mocks/contract";
import { mockUrl } from "@cxkit/mocks/vitest";
import { beforeAll, describe, expect } from "vitest";
import { createDixaClient, type DixaClient } from "../../src/index.js";

const AGENT_ID = "a53b25da-f676-4c52-acac-58c9280aa23d";
const conversation = { path: { conversationId: 9456 } };

const noteShape = {
  id: expect.any(String),
  authorId: expect.any(String),
  createdAt: expect.any(String),
  csid: expect.any(Number),
  message: expect.any(String),
};

let dixa: DixaClient;

beforeAll(() => {
  dixa = createDixaClient({ apiKey: "test-key", baseUrl: mockUrl("dixa") });
});

describe("listInternalNotes", () => {
  happy("listInternalNotes", "lists the conversation's internal notes", async () => {
    const { data, error, response } = await dixa.GET("/conversations/{conversationId}/notes", {
      params: conversation,
    });
    expect(response.status).toBe(200);
    expect(error).toBeUndefined();
    expect(data?.data).toHaveLength(1);
    expect(data?.data[0]).toMatchObject({ ...noteShape, csid: 9456, message: "A sample note" });
  });

  failure("listInternalNotes", "surfaces a documented 404 as a typed error", async () => {
    const { data, error, response } = await dixa.GET("/conversations/{conversationId}/notes", {
      params: conversation,
      headers: preferCode(404),
    });
    expect(response.status).toBe(404);
    expect(data).toBeUndefined();
    expect(error?.message).toBe("An entity in this request could not be found");
  });
});

describe("addInternalNote", () => {
  happy("addInternalNote", "adds a note and returns it", async () => {
    const { data, error, response } = await dixa.POST("/conversations/{conversationId}/notes", {
      params: conversation,
      body: { message: "A sample note", agentId: AGENT_ID, createdAt: "2021-12-01T12:46:36.581Z[GMT]" },
    });
    expect(response.status).toBe(200);
    expect(error).toBeUndefined();
    expect(data?.data).toMatchObject(noteShape);
  });

  failure("addInternalNote", "rejects a note without a message", async () => {
    const { data, error, response } = await dixa.POST("/conversations/{conversationId}/notes", {
      params: conversation,
      // @ts-expect-error -- message is required; only agentId is sent
      body: { agentId: AGENT_ID },
    });
    expect(response.status).toBe(400);
    expect(data).toBeUndefined();
    expect(error?.message).toEqual(expect.any(String));
    expect(readViolations(response)).toContainEqual(
      expect.objectContaining({
        location: ["request", "body"],
        code: "required",
        message: expect.stringContaining("'message'"),
      }),
    );
  });
});

describe("addInternalNotesBulk", () => {
  happy("addInternalNotesBulk", "returns one success or failure outcome per note", async () => {
    const { data, error, response } = await dixa.POST("/conversations/{conversationId}/notes/bulk", {
      params: conversation,
      body: { data: [{ message: "A sample note", agentId: AGENT_ID }, { message: "Another sample note" }] },
    });
    expect(response.status).toBe(200);
    expect(error).toBeUndefined();
    const [first, second] = data?.data ?? [];
    expect(first?._type).toBe("BulkActionSuccess");
    if (first?._type === "BulkActionSuccess") expect(first.data).toMatchObject(noteShape);
    expect(second).toEqual({
      error: { message: expect.any(String) },
      _type: "BulkActionFailure",
    });
  });

  failure("addInternalNotesBulk", "rejects an empty list of notes", async () => {
    const { error, response } = await dixa.POST("/conversations/{conversationId}/notes/bulk", {
      params: conversation,
      body: { data: [] },
    });
    expect(response.status).toBe(400);
    expect(error?.message).toEqual(expect.any(String));
    expect(readViolations(response)).toContainEqual(
      expect.objectContaining({ location: ["request", "body", "data"], code: "minItems" }),
    );
  });

  failure("addInternalNotesBulk", "rejects a bare array instead of the {data: [...]} wrapper", async () => {
    const { response } = await dixa.POST("/conversations/{conversationId}/notes/bulk", {
      params: conversation,
      // @ts-expect-error -- the notes go inside {data: [...]}; a bare array is sent on purpose
      body: [{ message: "A sample note" }],
    });
    expect(response.status).toBe(400);
    expect(readViolations(response)).toContainEqual(
      expect.objectContaining({ location: ["request", "body"], code: "type" }),
    );
  });
});
