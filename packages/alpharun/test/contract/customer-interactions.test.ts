// Contract tests of the "Customer Interactions" tag against Prism serving specs/alpharun/openapi.yaml.
import { preferCode, readViolations } from "@cxkit/mocks";
import { failure, happy } from "@cxkit/mocks/contract";
import { mockUrl } from "@cxkit/mocks/vitest";
import { beforeAll, describe, expect } from "vitest";
import { type AlpharunClient, createAlpharunClient } from "../../src/index.js";

const INTERACTION_ID = "11111111-2222-3333-4444-555555555555";
const CONTACT_ID = "6f1c2a4e-3b5d-4c7e-9f10-2a3b4c5d6e7f";

let client: AlpharunClient;

beforeAll(() => {
  client = createAlpharunClient({ token: "test-token", baseUrl: mockUrl("alpharun") });
});

describe("getCustomerInteraction", () => {
  happy("getCustomerInteraction", "returns the interaction with its extracted data", async () => {
    const { data, error, response } = await client.GET("/customer-interactions/{CUSTOMER_INTERACTION_ID}", {
      params: { path: { CUSTOMER_INTERACTION_ID: INTERACTION_ID } },
    });
    expect(response.status).toBe(200);
    expect(error).toBeUndefined();
    const interaction = data?.data.customer_interaction;
    expect(interaction).toMatchObject({
      id: expect.any(String),
      teammate: { id: expect.any(String), email: expect.any(String) },
      summary: expect.any(String),
      account: { id: expect.any(String), ext_id: expect.any(String) },
    });
    expect(interaction?.data_extraction_fields).toContainEqual({
      key: "customer_satisfaction_score",
      name: "Customer Satisfaction Score",
      type: "number",
      value: 4.5,
    });
    expect(interaction?.contacts?.[0]?.custom_fields?.[0]).toMatchObject({
      key: expect.any(String),
      type: "text",
    });
  });

  failure("getCustomerInteraction", "surfaces a 404 as a typed error", async () => {
    const { data, error, response } = await client.GET("/customer-interactions/{CUSTOMER_INTERACTION_ID}", {
      params: { path: { CUSTOMER_INTERACTION_ID: INTERACTION_ID } },
      headers: preferCode(404),
    });
    expect(response.status).toBe(404);
    expect(data).toBeUndefined();
    expect(error?.error).toBe(404);
    expect(error?.message).toBe("Customer interaction not found");
  });

  failure("getCustomerInteraction", "rejects an id that is not a UUID", async () => {
    const { data, response } = await client.GET("/customer-interactions/{CUSTOMER_INTERACTION_ID}", {
      params: { path: { CUSTOMER_INTERACTION_ID: "not-a-uuid" } },
    });
    // Note: the vendor documents no 400 for this read, so Prism answers its generic 422.
    expect(response.status).toBe(422);
    expect(data).toBeUndefined();
  });

  failure("getCustomerInteraction", "answers 401 when the Authorization header is missing", async () => {
    const { data, response } = await client.GET("/customer-interactions/{CUSTOMER_INTERACTION_ID}", {
      params: { path: { CUSTOMER_INTERACTION_ID: INTERACTION_ID } },
      headers: { Authorization: null },
    });
    expect(response.status).toBe(401);
    expect(data).toBeUndefined();
  });
});

describe("updateCustomerInteraction", () => {
  const path = { CUSTOMER_INTERACTION_ID: INTERACTION_ID };

  happy("updateCustomerInteraction", "sets a string custom field and returns the stored fields", async () => {
    const { data, error, response } = await client.PATCH("/customer-interactions/{CUSTOMER_INTERACTION_ID}", {
      params: { path },
      body: { custom_fields: [{ key: "priority", value: "high" }] },
    });
    expect(response.status).toBe(200);
    expect(error).toBeUndefined();
    expect(data?.data.customer_interaction.id).toEqual(expect.any(String));
    expect(data?.data.customer_interaction.custom_fields).toContainEqual({
      key: "priority",
      name: "Priority",
      type: "text",
      value: "high",
    });
  });

  happy("updateCustomerInteraction", "accepts number, boolean and null values", async () => {
    const { response } = await client.PATCH("/customer-interactions/{CUSTOMER_INTERACTION_ID}", {
      params: { path },
      body: {
        custom_fields: [
          { key: "score", value: 4.5 },
          { key: "escalated", value: false },
          { key: "priority", value: null },
        ],
      },
    });
    expect(response.status).toBe(200);
    expect(readViolations(response)).toEqual([]);
  });

  failure("updateCustomerInteraction", "rejects an object as a custom field value", async () => {
    const { data, error, response } = await client.PATCH("/customer-interactions/{CUSTOMER_INTERACTION_ID}", {
      params: { path },
      // @ts-expect-error a custom field value must be a string, number, boolean or null
      body: { custom_fields: [{ key: "priority", value: { level: "high" } }] },
    });
    expect(response.status).toBe(400);
    expect(data).toBeUndefined();
    expect(error?.error).toBe(400);
    expect(error?.message).toEqual(expect.any(String));
    expect(readViolations(response)).toContainEqual(
      expect.objectContaining({ location: ["request", "body", "custom_fields", "0", "value"] }),
    );
  });

  failure("updateCustomerInteraction", "rejects a body without custom_fields", async () => {
    const { error, response } = await client.PATCH("/customer-interactions/{CUSTOMER_INTERACTION_ID}", {
      params: { path },
      // @ts-expect-error custom_fields is required
      body: {},
    });
    expect(response.status).toBe(400);
    expect(error?.error).toBe(400);
    const violations = readViolations(response);
    expect(violations).toHaveLength(1);
    expect(violations[0]?.message).toContain("custom_fields");
  });

  failure("updateCustomerInteraction", "surfaces a 404 as a typed error", async () => {
    const { error, response } = await client.PATCH("/customer-interactions/{CUSTOMER_INTERACTION_ID}", {
      params: { path },
      body: { custom_fields: [{ key: "priority", value: "high" }] },
      headers: preferCode(404),
    });
    expect(response.status).toBe(404);
    expect(error).toEqual({ error: 404, message: "Customer interaction not found" });
  });
});

describe("getCustomerInteractionTranscripts", () => {
  happy("getCustomerInteractionTranscripts", "returns the transcripts in chronological order", async () => {
    const { data, error, response } = await client.GET(
      "/customer-interactions/{CUSTOMER_INTERACTION_ID}/transcripts",
      {
        params: { path: { CUSTOMER_INTERACTION_ID: INTERACTION_ID } },
      },
    );
    expect(response.status).toBe(200);
    expect(error).toBeUndefined();
    const transcripts = data?.data.customer_interaction.transcripts ?? [];
    expect(transcripts.length).toBeGreaterThan(1);
    for (const transcript of transcripts) {
      expect(transcript).toEqual({
        date: expect.any(String),
        duration: expect.any(Number),
        transcript: expect.any(String),
      });
    }
    const dates = transcripts.map((transcript) => Date.parse(transcript.date ?? ""));
    expect(dates).toEqual([...dates].sort((a, b) => a - b));
    expect(transcripts[0]?.transcript?.split("\n").length).toBeGreaterThan(1);
  });

  failure("getCustomerInteractionTranscripts", "surfaces a 404 as a typed error", async () => {
    const { data, error, response } = await client.GET(
      "/customer-interactions/{CUSTOMER_INTERACTION_ID}/transcripts",
      {
        params: { path: { CUSTOMER_INTERACTION_ID: INTERACTION_ID } },
        headers: preferCode(404),
      },
    );
    expect(response.status).toBe(404);
    expect(data).toBeUndefined();
    expect(error?.message).toBe("Customer interaction not found");
  });
});

describe("listContactCustomerInteractions", () => {
  happy("listContactCustomerInteractions", "returns a page with next_cursor beside data", async () => {
    const { data, error, response } = await client.GET("/contacts/{CONTACT_ID}/customer-interactions", {
      params: { path: { CONTACT_ID }, query: { limit: 20 } },
    });
    expect(response.status).toBe(200);
    expect(error).toBeUndefined();
    expect(data).toHaveProperty("next_cursor", null);
    expect(data?.data).not.toHaveProperty("next_cursor");
    const [first] = data?.data.customer_interactions ?? [];
    expect(first).toMatchObject({ id: expect.any(String), data_extraction_fields: expect.any(Array) });
  });

  happy("listContactCustomerInteractions", "accepts an ext_id identifier and a cursor", async () => {
    const { response } = await client.GET("/contacts/{CONTACT_ID}/customer-interactions", {
      params: {
        path: { CONTACT_ID: "alt:ext_id:ext_contact_789" },
        query: { limit: 1, cursor: "next-page" },
      },
    });
    expect(response.status).toBe(200);
    expect(readViolations(response)).toEqual([]);
  });

  failure("listContactCustomerInteractions", "rejects limit above 100", async () => {
    const { data, error, response } = await client.GET("/contacts/{CONTACT_ID}/customer-interactions", {
      params: { path: { CONTACT_ID }, query: { limit: 101 } },
    });
    expect(response.status).toBe(400);
    expect(data).toBeUndefined();
    expect(error?.error).toBe(400);
    expect(readViolations(response)).toContainEqual(
      expect.objectContaining({ location: ["request", "query", "limit"], code: "maximum" }),
    );
  });

  failure("listContactCustomerInteractions", "rejects limit below 1", async () => {
    const { error, response } = await client.GET("/contacts/{CONTACT_ID}/customer-interactions", {
      params: { path: { CONTACT_ID }, query: { limit: 0 } },
    });
    expect(response.status).toBe(400);
    expect(error?.error).toBe(400);
    expect(readViolations(response)).toContainEqual(
      expect.objectContaining({ location: ["request", "query", "limit"], code: "minimum" }),
    );
  });
});
