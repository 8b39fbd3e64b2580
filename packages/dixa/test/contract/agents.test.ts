// Contract tests of the "Agents" tag against Prism serving specs/dixa/openapi.yaml.
import { preferCode, readViolations } from "@cxkit/mocks";
import { failure, happy } from "@cxkit/mocks/contract";
import { mockUrl } from "@cxkit/mocks/vitest";
import { beforeAll, describe, expect } from "vitest";
import { createDixaClient, type DixaClient } from "../../src/index.js";

const AGENT_ID = "5a556159-9c21-4f3e-a44f-d323deb80d16";

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
