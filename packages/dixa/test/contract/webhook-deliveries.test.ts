// Contract tests of webhook delivery status and logs ("Webhooks" tag) against Prism.
import { preferCode, readViolations } from "@cxkit/mocks";
import { failure, happy } from "@cxkit/mocks/contract";
import { mockUrl } from "@cxkit/mocks/vitest";
import { beforeAll, describe, expect } from "vitest";
import { createDixaClient, type DixaClient } from "../../src/index.js";

const SUBSCRIPTION_ID = "cb452b81-6748-40ab-af85-6559b371bc5d";
const subscription = { path: { webhookSubscriptionId: SUBSCRIPTION_ID } };

let dixa: DixaClient;

beforeAll(() => {
  dixa = createDixaClient({ apiKey: "test-key", baseUrl: mockUrl("dixa") });
});

describe("getWebhookDeliveryStatus", () => {
  happy(
    "getWebhookDeliveryStatus",
    "returns the latest delivery per event, told apart by _type",
    async () => {
      const { data, error, response } = await dixa.GET("/webhooks/{webhookSubscriptionId}/delivery-status", {
        params: subscription,
      });
      expect(response.status).toBe(200);
      expect(error).toBeUndefined();
      const [delivered, quiet] = data?.data ?? [];
      expect(delivered).toMatchObject({
        event: "ConversationCreated",
        deliveryStatus: { _type: "DeliveryDetail", success: true, responseCode: 200 },
      });
      expect(quiet).toEqual({ event: "ConversationClosed", deliveryStatus: { _type: "NoRecentDelivery" } });
    },
  );

  failure("getWebhookDeliveryStatus", "surfaces a documented 404 as a typed error", async () => {
    const { data, error, response } = await dixa.GET("/webhooks/{webhookSubscriptionId}/delivery-status", {
      params: subscription,
      headers: preferCode(404),
    });
    expect(response.status).toBe(404);
    expect(data).toBeUndefined();
    expect(error?.message).toEqual(expect.any(String));
  });
});

describe("listWebhookDeliveryLogs", () => {
  happy(
    "listWebhookDeliveryLogs",
    "returns the latest deliveries of an event with their payloads",
    async () => {
      const { data, error, response } = await dixa.GET(
        "/webhooks/{webhookSubscriptionId}/delivery-status/logs/{event}",
        { params: { path: { webhookSubscriptionId: SUBSCRIPTION_ID, event: "ConversationNoteAdded" } } },
      );
      expect(response.status).toBe(200);
      expect(error).toBeUndefined();
      const [log] = data?.data ?? [];
      expect(log?.deliveryDetail).toEqual({
        deliveryTimestamp: expect.any(String),
        success: true,
        responseCode: 200,
        responseText: "OK",
      });
      expect(JSON.parse(log?.payload ?? "")).toMatchObject({ event_fqn: "CONVERSATION_NOTE_ADDED" });
    },
  );

  failure("listWebhookDeliveryLogs", "rejects an event name Dixa does not send", async () => {
    const { response } = await dixa.GET("/webhooks/{webhookSubscriptionId}/delivery-status/logs/{event}", {
      // @ts-expect-error -- "ConversationDeleted" is not a webhook event; sent on purpose
      params: { path: { webhookSubscriptionId: SUBSCRIPTION_ID, event: "ConversationDeleted" } },
    });
    expect(response.status).toBe(400);
    expect(readViolations(response)).toContainEqual(
      expect.objectContaining({ location: ["request", "path", "event"], code: "enum" }),
    );
  });
});
