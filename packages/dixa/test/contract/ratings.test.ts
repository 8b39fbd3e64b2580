// Contract tests of the "Ratings" tag against Prism serving specs/dixa/openapi.yaml.
import { preferCode, readViolations } from "@cxkit/mocks";
import { failure, happy } from "@cxkit/mocks/contract";
import { mockUrl } from "@cxkit/mocks/vitest";
import { beforeAll, describe, expect } from "vitest";
import { createDixaClient, type DixaClient } from "../../src/index.js";

const USER_ID = "b0323b42-c428-4afa-970e-20bf5bdeeec4";
const AGENT_ID = "eeb3bbe5-0355-4ac1-8af5-20d42a3db24b";
const OFFER_ID = "2f0122db-0824-44d7-b39a-e1f722b8c38c";
const conversation = { path: { conversationId: 100 } };

let dixa: DixaClient;

beforeAll(() => {
  dixa = createDixaClient({ apiKey: "test-key", baseUrl: mockUrl("dixa") });
});

describe("listConversationRatings", () => {
  happy("listConversationRatings", "lists the latest rating status per survey question", async () => {
    const { data, error, response } = await dixa.GET("/conversations/{conversationId}/ratings", {
      params: conversation,
    });
    expect(response.status).toBe(200);
    expect(error).toBeUndefined();
    expect(data?.data[0]).toMatchObject({
      id: expect.any(String),
      ratingStatus: "Rated",
      ratingType: "Csat",
      ratingScore: 4,
      conversationChannel: "PstnPhone",
    });
  });

  failure("listConversationRatings", "surfaces a documented 404 as a typed error", async () => {
    const { data, error, response } = await dixa.GET("/conversations/{conversationId}/ratings", {
      params: conversation,
      headers: preferCode(404),
    });
    expect(response.status).toBe(404);
    expect(data).toBeUndefined();
    expect(error?.message).toEqual(expect.any(String));
  });
});

describe("createRatingOffer", () => {
  happy("createRatingOffer", "creates an offer whose id is later used as ratingId", async () => {
    const { data, error, response } = await dixa.POST("/conversations/{conversationId}/ratings/offer", {
      params: conversation,
      body: { userId: USER_ID, agentId: AGENT_ID, ratingType: "Csat", offeredAt: "2024-03-11T16:39:30Z" },
    });
    expect(response.status).toBe(201);
    expect(error).toBeUndefined();
    expect(data?.data).toMatchObject({
      id: OFFER_ID,
      userId: expect.any(String),
      agentId: expect.any(String),
      ratingType: "Csat",
    });
  });

  failure("createRatingOffer", "rejects an offer without agentId, which the beta docs require", async () => {
    const { data, response } = await dixa.POST("/conversations/{conversationId}/ratings/offer", {
      params: conversation,
      // @ts-expect-error -- agentId is required; it is left out on purpose
      body: { userId: USER_ID, ratingType: "Nps" },
    });
    expect(response.status).toBe(400);
    expect(data).toBeUndefined();
    expect(readViolations(response)).toContainEqual(
      expect.objectContaining({ code: "required", message: expect.stringContaining("'agentId'") }),
    );
  });

  failure("createRatingOffer", "rejects a rating type other than Csat, Nps or ThumbsUpOrDown", async () => {
    const { data, error, response } = await dixa.POST("/conversations/{conversationId}/ratings/offer", {
      params: conversation,
      // @ts-expect-error -- "Stars" is not a rating type; sent on purpose
      body: { userId: USER_ID, agentId: AGENT_ID, ratingType: "Stars" },
    });
    expect(response.status).toBe(400);
    expect(data).toBeUndefined();
    expect(error?.message).toEqual(expect.any(String));
    expect(readViolations(response)).toContainEqual(
      expect.objectContaining({ location: ["request", "body", "ratingType"], code: "enum" }),
    );
  });
});

describe("submitRatingResult", () => {
  happy("submitRatingResult", "submits the result of an offer", async () => {
    const { data, error, response } = await dixa.POST(
      "/conversations/{conversationId}/ratings/{ratingId}/submit",
      {
        params: { path: { conversationId: 100, ratingId: OFFER_ID } },
        body: {
          ratingResult: { value: 4, _type: "Csat" },
          comment: "Best customer service ever!",
          submittedAt: "2024-03-11T16:39:30Z",
        },
      },
    );
    expect(response.status).toBe(201);
    expect(error).toBeUndefined();
    expect(data?.data).toMatchObject({
      ratingId: expect.any(String),
      ratingResult: { value: 4, _type: "Csat" },
    });
  });

  failure("submitRatingResult", "rejects a submission without ratingResult", async () => {
    const { error, response } = await dixa.POST("/conversations/{conversationId}/ratings/{ratingId}/submit", {
      params: { path: { conversationId: 100, ratingId: OFFER_ID } },
      // @ts-expect-error -- ratingResult is required; only a comment is sent
      body: { comment: "Great" },
    });
    expect(response.status).toBe(400);
    expect(error?.message).toEqual(expect.any(String));
    expect(readViolations(response)).toContainEqual(
      expect.objectContaining({ code: "required", message: expect.stringContaining("'ratingResult'") }),
    );
  });

  failure("submitRatingResult", "rejects a score that is not an integer", async () => {
    const { response } = await dixa.POST("/conversations/{conversationId}/ratings/{ratingId}/submit", {
      params: { path: { conversationId: 100, ratingId: OFFER_ID } },
      // @ts-expect-error -- the score is an int32; a string is sent on purpose
      body: { ratingResult: { value: "four", _type: "Csat" } },
    });
    expect(response.status).toBe(400);
    expect(readViolations(response)).toContainEqual(
      expect.objectContaining({ location: ["request", "body", "ratingResult", "value"], code: "type" }),
    );
  });
});
