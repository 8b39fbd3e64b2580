// Contract tests of agents' presence, working channels and teams ("Agents" tag) against Prism.
import { preferCode, readViolations } from "@cxkit/mocks";
import { failure, happy } from "@cxkit/mocks/contract";
import { mockUrl } from "@cxkit/mocks/vitest";
import { beforeAll, describe, expect } from "vitest";
import { createDixaClient, type DixaClient } from "../../src/index.js";

const AGENT_ID = "5a556159-9c21-4f3e-a44f-d323deb80d16";
const agent = { path: { agentId: AGENT_ID } };

let dixa: DixaClient;

beforeAll(() => {
  dixa = createDixaClient({ apiKey: "test-key", baseUrl: mockUrl("dixa") });
});

describe("listAgentsPresence", () => {
  happy("listAgentsPresence", "returns a bare array of presences, with no data envelope", async () => {
    const { data, error, response } = await dixa.GET("/agents/presence");
    expect(response.status).toBe(200);
    expect(error).toBeUndefined();
    expect(data).toEqual([
      expect.objectContaining({ userId: AGENT_ID, presenceStatus: "Working", connectionStatus: "Online" }),
      expect.objectContaining({ connectionStatus: "Offline" }),
    ]);
  });

  failure("listAgentsPresence", "surfaces a documented 500 as a typed error", async () => {
    const { data, error, response } = await dixa.GET("/agents/presence", { headers: preferCode(500) });
    expect(response.status).toBe(500);
    expect(data).toBeUndefined();
    expect(error?.message).toBe("Internal failure during request processing");
  });
});

describe("getAgentPresence", () => {
  happy("getAgentPresence", "returns one agent's presence inside a data envelope", async () => {
    const { data, error, response } = await dixa.GET("/agents/{agentId}/presence", { params: agent });
    expect(response.status).toBe(200);
    expect(error).toBeUndefined();
    expect(data?.data).toMatchObject({ userId: AGENT_ID, activeChannels: ["Email", "FacebookMessenger"] });
  });

  failure("getAgentPresence", "rejects an agent id that is not a UUID", async () => {
    const { response } = await dixa.GET("/agents/{agentId}/presence", {
      params: { path: { agentId: "bob" } },
    });
    expect(response.status).toBe(400);
    expect(readViolations(response)).toContainEqual(
      expect.objectContaining({ location: ["request", "path", "agentid"], code: "format" }),
    );
  });
});

describe("setAgentWorkingChannel", () => {
  happy("setAgentWorkingChannel", "starts the agent working on a channel group with 204", async () => {
    const { data, error, response } = await dixa.PUT("/agents/{agentId}/presence/working-channel", {
      params: agent,
      body: { channel: "Email", working: true },
    });
    expect(response.status).toBe(204);
    expect(data).toBeUndefined();
    expect(error).toBeUndefined();
  });

  failure("setAgentWorkingChannel", "rejects a channel group the API does not have", async () => {
    const { response } = await dixa.PUT("/agents/{agentId}/presence/working-channel", {
      params: agent,
      // @ts-expect-error -- the groups are Email, InteractiveChat, Messaging and Speak
      body: { channel: "Phone", working: true },
    });
    expect(response.status).toBe(400);
    expect(readViolations(response)).toContainEqual(
      expect.objectContaining({ location: ["request", "body", "channel"], code: "enum" }),
    );
  });
});

describe("listAgentTeams", () => {
  happy("listAgentTeams", "lists the teams the agent is a member of", async () => {
    const { data, error, response } = await dixa.GET("/agents/{agentId}/teams", { params: agent });
    expect(response.status).toBe(200);
    expect(error).toBeUndefined();
    expect(data?.data).toEqual([{ id: expect.any(String) }, { id: expect.any(String) }]);
  });

  failure("listAgentTeams", "surfaces a documented 404 as a typed error", async () => {
    const { error, response } = await dixa.GET("/agents/{agentId}/teams", {
      params: agent,
      headers: preferCode(404),
    });
    expect(response.status).toBe(404);
    expect(error?.message).toEqual(expect.any(String));
  });
});
