// Contract tests of the "Agents" tag against Prism serving specs/dixa/openapi.yaml.
import { preferCode, readViolations } from "@cxkit/mocks";
import { failure, happy } from "@cxkit/mocks/contract";
import { mockUrl } from "@cxkit/mocks/vitest";
import { beforeAll, describe, expect } from "vitest";
import { createDixaClient, type DixaClient } from "../../src/index.js";

const AGENT_ID = "5a556159-9c21-4f3e-a44f-d323deb80d16";
const agent = { path: { agentId: AGENT_ID } };

const agentShape = {
  id: expect.any(String),
  createdAt: expect.any(String),
  displayName: expect.any(String),
  email: expect.any(String),
};

let dixa: DixaClient;

beforeAll(() => {
  dixa = createDixaClient({ apiKey: "test-key", baseUrl: mockUrl("dixa") });
});

describe("listAgents", () => {
  happy("listAgents", "returns a page of agents with previous and next links", async () => {
    const { data, error, response } = await dixa.GET("/agents", { params: { query: { pageLimit: 2 } } });
    expect(response.status).toBe(200);
    expect(error).toBeUndefined();
    expect(data?.data[0]).toMatchObject({ ...agentShape, roles: ["Agent"] });
    expect(data?.meta).toEqual({
      previous: expect.stringContaining("pageKey="),
      next: expect.stringContaining("pageKey="),
    });
  });

  happy("listAgents", "accepts an email filter", async () => {
    const { response } = await dixa.GET("/agents", { params: { query: { email: "bob@example.com" } } });
    expect(response.status).toBe(200);
    expect(readViolations(response)).toEqual([]);
  });

  failure("listAgents", "rejects a pageLimit below 1", async () => {
    const { data, error, response } = await dixa.GET("/agents", { params: { query: { pageLimit: -1 } } });
    expect(response.status).toBe(400);
    expect(data).toBeUndefined();
    expect(error?.message).toEqual(expect.any(String));
    // Note: Prism reports path and query parameter names in lower case.
    expect(readViolations(response)).toContainEqual(
      expect.objectContaining({ location: ["request", "query", "pagelimit"], code: "minimum" }),
    );
  });
});

describe("getAgent", () => {
  happy("getAgent", "returns the agent", async () => {
    const { data, error, response } = await dixa.GET("/agents/{agentId}", {
      params: { path: { agentId: AGENT_ID } },
    });
    expect(response.status).toBe(200);
    expect(error).toBeUndefined();
    expect(data?.data).toMatchObject({ ...agentShape, id: AGENT_ID, roles: ["Agent", "Admin"] });
  });

  failure("getAgent", "surfaces a documented 404 as a typed error", async () => {
    const { data, error, response } = await dixa.GET("/agents/{agentId}", {
      params: { path: { agentId: AGENT_ID } },
      headers: preferCode(404),
    });
    expect(response.status).toBe(404);
    expect(data).toBeUndefined();
    expect(error?.message).toBe("An entity in this request could not be found");
  });

  failure("getAgent", "rejects an agent id that is not a UUID", async () => {
    const { error, response } = await dixa.GET("/agents/{agentId}", { params: { path: { agentId: "bob" } } });
    expect(response.status).toBe(400);
    expect(error?.message).toEqual(expect.any(String));
    expect(readViolations(response)).toContainEqual(
      expect.objectContaining({ location: ["request", "path", "agentid"], code: "format" }),
    );
  });
});

describe("createAgent", () => {
  happy("createAgent", "creates an agent with 201", async () => {
    const { data, error, response } = await dixa.POST("/agents", {
      body: { displayName: "Bob Agent", email: "bob@example.com", firstName: "Bob" },
    });
    expect(response.status).toBe(201);
    expect(error).toBeUndefined();
    expect(data?.data).toMatchObject({ ...agentShape, email: "bob@example.com" });
  });

  failure("createAgent", "rejects an agent without an email", async () => {
    const { data, response } = await dixa.POST("/agents", {
      // @ts-expect-error -- displayName and email are required; email is left out on purpose
      body: { displayName: "Bob Agent" },
    });
    expect(response.status).toBe(400);
    expect(data).toBeUndefined();
    expect(readViolations(response)).toContainEqual(
      expect.objectContaining({ code: "required", message: expect.stringContaining("'email'") }),
    );
  });
});

describe("updateAgents", () => {
  happy("updateAgents", "updates agents in bulk, sent as a bare array", async () => {
    const { data, error, response } = await dixa.PUT("/agents", {
      body: [{ id: AGENT_ID, displayName: "Bob Agent", phoneNumber: "+4512345678" }],
    });
    expect(response.status).toBe(200);
    expect(error).toBeUndefined();
    const [updated, failed] = data?.data ?? [];
    expect(updated?._type === "BulkActionSuccess" && updated.data.id).toBe(AGENT_ID);
    expect(failed?._type === "BulkActionFailure" && failed.error).toMatchObject({ _type: "NotFound" });
  });

  failure("updateAgents", "rejects an item without displayName", async () => {
    const { response } = await dixa.PUT("/agents", {
      // @ts-expect-error -- each item needs id and displayName; displayName is left out on purpose
      body: [{ id: AGENT_ID, firstName: "Bob" }],
    });
    expect(response.status).toBe(400);
    expect(readViolations(response)).toContainEqual(
      expect.objectContaining({ location: ["request", "body", "0"], code: "required" }),
    );
  });
});

describe("updateAgent", () => {
  happy("updateAgent", "replaces the agent's details", async () => {
    const { data, error, response } = await dixa.PUT("/agents/{agentId}", {
      params: agent,
      body: { displayName: "Bob Agent", middleNames: ["Julian"] },
    });
    expect(response.status).toBe(200);
    expect(error).toBeUndefined();
    expect(data?.data).toMatchObject({ ...agentShape, id: AGENT_ID });
  });

  failure("updateAgent", "rejects an email, which cannot be changed", async () => {
    const { response } = await dixa.PUT("/agents/{agentId}", {
      params: agent,
      // Note: openapi-fetch infers the body generically, so TypeScript does not flag the extra field.
      body: { displayName: "Bob Agent", email: "new@example.com" },
    });
    expect(response.status).toBe(400);
    expect(readViolations(response)).toContainEqual(
      expect.objectContaining({ location: ["request", "body"], code: "additionalProperties" }),
    );
  });
});

describe("patchAgent", () => {
  happy("patchAgent", "changes some fields of the agent", async () => {
    const { data, error, response } = await dixa.PATCH("/agents/{agentId}", {
      params: agent,
      body: { displayName: "Bob A." },
    });
    expect(response.status).toBe(200);
    expect(error).toBeUndefined();
    expect(data?.data).toMatchObject(agentShape);
  });

  failure("patchAgent", "rejects an empty patch", async () => {
    const { response } = await dixa.PATCH("/agents/{agentId}", { params: agent, body: {} });
    expect(response.status).toBe(400);
    expect(readViolations(response)).toContainEqual(expect.objectContaining({ code: "minProperties" }));
  });
});

describe("deleteAgent", () => {
  happy("deleteAgent", "downgrades the agent to an end user with 204 No Content", async () => {
    const { data, error, response } = await dixa.DELETE("/agents/{agentId}", { params: agent });
    expect(response.status).toBe(204);
    expect(data).toBeUndefined();
    expect(error).toBeUndefined();
  });

  failure("deleteAgent", "surfaces a documented 404 as a typed error", async () => {
    const { error, response } = await dixa.DELETE("/agents/{agentId}", {
      params: agent,
      headers: preferCode(404),
    });
    expect(response.status).toBe(404);
    expect(error?.message).toBe("An entity in this request could not be found");
  });
});
