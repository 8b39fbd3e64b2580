// Contract tests of the "Tags" tag against Prism serving specs/dixa/openapi.yaml.
import { preferCode, readViolations } from "@cxkit/mocks";
import { failure, happy } from "@cxkit/mocks/contract";
import { mockUrl } from "@cxkit/mocks/vitest";
import { beforeAll, describe, expect } from "vitest";
import { createDixaClient, type DixaClient } from "../../src/index.js";

const TAG_ID = "177e7564-6434-4177-a25a-8530089196ad";
const conversation = { path: { conversationId: 100 } };
const conversationTag = { path: { conversationId: 100, tagId: TAG_ID } };

const tagShape = {
  id: expect.any(String),
  name: expect.any(String),
  state: expect.stringMatching(/^(Active|Inactive)$/),
};

let dixa: DixaClient;

beforeAll(() => {
  dixa = createDixaClient({ apiKey: "test-key", baseUrl: mockUrl("dixa") });
});

describe("listConversationTags", () => {
  happy("listConversationTags", "lists the conversation's tags", async () => {
    const { data, error, response } = await dixa.GET("/conversations/{conversationId}/tags", {
      params: conversation,
    });
    expect(response.status).toBe(200);
    expect(error).toBeUndefined();
    expect(data?.data[0]).toEqual({ id: TAG_ID, name: "refund", state: "Active", color: "#FF0000" });
  });

  failure("listConversationTags", "surfaces a documented 404 as a typed error", async () => {
    const { data, error, response } = await dixa.GET("/conversations/{conversationId}/tags", {
      params: conversation,
      headers: preferCode(404),
    });
    expect(response.status).toBe(404);
    expect(data).toBeUndefined();
    expect(error?.message).toEqual(expect.any(String));
  });
});

describe("tagConversation", () => {
  happy("tagConversation", "adds a tag with 204 No Content", async () => {
    const { data, error, response } = await dixa.PUT("/conversations/{conversationId}/tags/{tagId}", {
      params: conversationTag,
    });
    expect(response.status).toBe(204);
    expect(data).toBeUndefined();
    expect(error).toBeUndefined();
  });

  failure("tagConversation", "rejects a tag id that is not a UUID", async () => {
    const { error, response } = await dixa.PUT("/conversations/{conversationId}/tags/{tagId}", {
      params: { path: { conversationId: 100, tagId: "refund" } },
    });
    expect(response.status).toBe(400);
    expect(error?.message).toEqual(expect.any(String));
    // Note: Prism reports path and query parameter names in lower case.
    expect(readViolations(response)).toContainEqual(
      expect.objectContaining({ location: ["request", "path", "tagid"], code: "format" }),
    );
  });
});

describe("untagConversation", () => {
  happy("untagConversation", "removes a tag with 204 No Content", async () => {
    const { error, response } = await dixa.DELETE("/conversations/{conversationId}/tags/{tagId}", {
      params: conversationTag,
    });
    expect(response.status).toBe(204);
    expect(error).toBeUndefined();
  });

  failure("untagConversation", "surfaces a documented 404 as a typed error", async () => {
    const { error, response } = await dixa.DELETE("/conversations/{conversationId}/tags/{tagId}", {
      params: conversationTag,
      headers: preferCode(404),
    });
    expect(response.status).toBe(404);
    expect(error?.message).toBe("An entity in this request could not be found");
  });
});

describe("bulkTagConversation", () => {
  happy("bulkTagConversation", "tags by name and returns one outcome per tag", async () => {
    const { data, error, response } = await dixa.POST("/conversations/{conversationId}/tags/bulk", {
      params: conversation,
      body: { data: [{ name: "Example #1" }, { name: "Example #2" }] },
    });
    expect(response.status).toBe(200);
    expect(error).toBeUndefined();
    const [first, second] = data?.data ?? [];
    expect(first).toEqual({ data: { ...tagShape, name: "Example #1" }, _type: "BulkActionSuccess" });
    expect(second).toMatchObject({ error: { message: expect.any(String) }, _type: "BulkActionFailure" });
  });

  failure("bulkTagConversation", "rejects tags given by id instead of name", async () => {
    const { error, response } = await dixa.POST("/conversations/{conversationId}/tags/bulk", {
      params: conversation,
      // @ts-expect-error -- bulk tagging is by name; an id is sent on purpose
      body: { data: [{ id: TAG_ID }] },
    });
    expect(response.status).toBe(400);
    expect(error?.message).toEqual(expect.any(String));
    expect(readViolations(response)).toContainEqual(
      expect.objectContaining({
        location: ["request", "body", "data", "0"],
        code: "required",
        message: expect.stringContaining("'name'"),
      }),
    );
  });
});

describe("listTags", () => {
  happy("listTags", "lists active and deactivated tags when asked to", async () => {
    const { data, error, response } = await dixa.GET("/tags", {
      params: { query: { includeDeactivated: true } },
    });
    expect(response.status).toBe(200);
    expect(error).toBeUndefined();
    expect(data?.data).toHaveLength(2);
    for (const tag of data?.data ?? []) expect(tag).toMatchObject(tagShape);
    expect(data?.data.map((tag) => tag.state)).toEqual(["Active", "Inactive"]);
  });

  failure("listTags", "rejects includeDeactivated that is not a boolean", async () => {
    const { error, response } = await dixa.GET("/tags", {
      // @ts-expect-error -- includeDeactivated is a boolean; a word is sent on purpose
      params: { query: { includeDeactivated: "maybe" } },
    });
    expect(response.status).toBe(400);
    expect(error?.message).toEqual(expect.any(String));
    expect(readViolations(response)).toContainEqual(
      expect.objectContaining({ location: ["request", "query", "includedeactivated"], code: "type" }),
    );
  });
});

describe("createTag", () => {
  happy("createTag", "creates a tag (or finds the one of that name) and answers 200, not 201", async () => {
    const { data, error, response } = await dixa.POST("/tags", {
      body: { name: "example", color: "#000000" },
    });
    expect(response.status).toBe(200);
    expect(error).toBeUndefined();
    expect(data?.data).toEqual({ id: expect.any(String), name: "example", state: "Active" });
  });

  failure("createTag", "rejects a tag without a name", async () => {
    const { data, error, response } = await dixa.POST("/tags", {
      // @ts-expect-error -- name is required; only color is sent
      body: { color: "#000000" },
    });
    expect(response.status).toBe(400);
    expect(data).toBeUndefined();
    expect(error?.message).toEqual(expect.any(String));
    expect(readViolations(response)).toContainEqual(
      expect.objectContaining({ code: "required", message: expect.stringContaining("'name'") }),
    );
  });

  failure("createTag", "rejects a color that is not a hex code", async () => {
    const { response } = await dixa.POST("/tags", { body: { name: "example", color: "red" } });
    expect(response.status).toBe(400);
    expect(readViolations(response)).toContainEqual(
      expect.objectContaining({ location: ["request", "body", "color"], code: "pattern" }),
    );
  });
});

describe("getTag", () => {
  happy("getTag", "returns the tag", async () => {
    const { data, error, response } = await dixa.GET("/tags/{tagId}", {
      params: { path: { tagId: TAG_ID } },
    });
    expect(response.status).toBe(200);
    expect(error).toBeUndefined();
    expect(data?.data).toEqual({ ...tagShape, id: TAG_ID, color: "#FF0000" });
  });

  failure("getTag", "surfaces a documented 404 as a typed error", async () => {
    const { data, error, response } = await dixa.GET("/tags/{tagId}", {
      params: { path: { tagId: TAG_ID } },
      headers: preferCode(404),
    });
    expect(response.status).toBe(404);
    expect(data).toBeUndefined();
    expect(error?.message).toEqual(expect.any(String));
  });
});

describe("activateTag", () => {
  happy("activateTag", "activates the tag with 204 No Content", async () => {
    const { data, error, response } = await dixa.PATCH("/tags/{tagId}/activate", {
      params: { path: { tagId: TAG_ID } },
    });
    expect(response.status).toBe(204);
    expect(data).toBeUndefined();
    expect(error).toBeUndefined();
  });

  failure("activateTag", "rejects a tag id that is not a UUID", async () => {
    const { response } = await dixa.PATCH("/tags/{tagId}/activate", {
      params: { path: { tagId: "refund" } },
    });
    expect(response.status).toBe(400);
    expect(readViolations(response)).toContainEqual(
      expect.objectContaining({ location: ["request", "path", "tagid"], code: "format" }),
    );
  });
});

describe("deactivateTag", () => {
  happy("deactivateTag", "deactivates the tag with 204 No Content", async () => {
    const { error, response } = await dixa.PATCH("/tags/{tagId}/deactivate", {
      params: { path: { tagId: TAG_ID } },
    });
    expect(response.status).toBe(204);
    expect(error).toBeUndefined();
  });

  failure("deactivateTag", "surfaces a documented 404 as a typed error", async () => {
    const { error, response } = await dixa.PATCH("/tags/{tagId}/deactivate", {
      params: { path: { tagId: TAG_ID } },
      headers: preferCode(404),
    });
    expect(response.status).toBe(404);
    expect(error?.message).toEqual(expect.any(String));
  });
});
