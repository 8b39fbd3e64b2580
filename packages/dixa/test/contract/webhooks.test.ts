// Contract tests of the "Webhooks" tag against Prism serving specs/dixa/openapi.yaml.
import { preferCode, readViolations } from "@cxkit/mocks";
import { failure, happy } from "@cxkit/mocks/contract";
import { mockUrl } from "@cxkit/mocks/vitest";
import { beforeAll, describe, expect } from "vitest";
import { createDixaClient, type DixaClient } from "../../src/index.js";

const SUBSCRIPTION_ID = "cb452b81-6748-40ab-af85-6559b371bc5d";
const subscription = { path: { webhookSubscriptionId: SUBSCRIPTION_ID } };

const subscriptionShape = {
  id: expect.any(String),
  name: expect.any(String),
  url: expect.any(String),
  headers: expect.any(Object),
  secretKey: expect.any(String),
  enabled: expect.any(Boolean),
  createdAt: expect.any(String),
  createdBy: expect.any(String),
  updatedAt: expect.any(String),
  updatedBy: expect.any(String),
};

let dixa: DixaClient;

beforeAll(() => {
  dixa = createDixaClient({ apiKey: "test-key", baseUrl: mockUrl("dixa") });
});

describe("listWebhookSubscriptions", () => {
  happy("listWebhookSubscriptions", "lists the webhook subscriptions", async () => {
    const { data, error, response } = await dixa.GET("/webhooks");
    expect(response.status).toBe(200);
    expect(error).toBeUndefined();
    expect(data?.data[0]).toMatchObject({
      ...subscriptionShape,
      subscribedEvents: ["ConversationCreated", "ConversationClosed"],
    });
  });

  failure("listWebhookSubscriptions", "surfaces a documented 500 as a typed error", async () => {
    const { data, error, response } = await dixa.GET("/webhooks", { headers: preferCode(500) });
    expect(response.status).toBe(500);
    expect(data).toBeUndefined();
    expect(error?.message).toBe("Internal failure during request processing");
  });
});

describe("createWebhookSubscription", () => {
  happy("createWebhookSubscription", "creates a subscription and returns its signing secret", async () => {
    const { data, error, response } = await dixa.POST("/webhooks", {
      body: {
        name: "Dashboard Integration",
        url: "https://example.webhook/dashboard_integration",
        events: ["ConversationCreated", "ConversationClosed"],
        enabled: true,
        authorization: { _type: "TokenAuth", value: "s3cr3t" },
      },
    });
    expect(response.status).toBe(201);
    expect(error).toBeUndefined();
    expect(data?.data).toMatchObject({ ...subscriptionShape, id: SUBSCRIPTION_ID, enabled: true });
  });

  failure("createWebhookSubscription", "rejects an event name Dixa does not send", async () => {
    const { data, error, response } = await dixa.POST("/webhooks", {
      body: {
        name: "w",
        url: "https://example.webhook/w",
        // @ts-expect-error -- "ConversationDeleted" is not a webhook event; sent on purpose
        events: ["ConversationDeleted"],
        authorization: { _type: "NoAuth" },
      },
    });
    expect(response.status).toBe(400);
    expect(data).toBeUndefined();
    expect(error?.message).toEqual(expect.any(String));
    expect(readViolations(response)).toContainEqual(
      expect.objectContaining({ location: ["request", "body", "events", "0"], code: "enum" }),
    );
  });

  failure("createWebhookSubscription", "rejects a subscription without authorization", async () => {
    const { data, error, response } = await dixa.POST("/webhooks", {
      // @ts-expect-error -- authorization is required (send { _type: "NoAuth" } for none); left out on purpose
      body: { name: "w", url: "https://example.webhook/w", events: ["ConversationClosed"] },
    });
    expect(response.status).toBe(400);
    expect(data).toBeUndefined();
    expect(error?.message).toEqual(expect.any(String));
    expect(readViolations(response)).toEqual([
      expect.objectContaining({
        location: ["request", "body"],
        code: "required",
        message: expect.stringContaining("'authorization'"),
      }),
    ]);
  });

  failure("createWebhookSubscription", "rejects basic auth without a password", async () => {
    const { response } = await dixa.POST("/webhooks", {
      body: {
        name: "w",
        url: "https://example.webhook/w",
        // @ts-expect-error -- BasicAuth needs username and password; password is left out on purpose
        authorization: { _type: "BasicAuth", username: "dixa" },
      },
    });
    expect(response.status).toBe(400);
    expect(readViolations(response)).toContainEqual(
      expect.objectContaining({ location: ["request", "body", "authorization"], code: "required" }),
    );
  });
});

describe("getWebhookSubscription", () => {
  happy("getWebhookSubscription", "returns the subscription", async () => {
    const { data, error, response } = await dixa.GET("/webhooks/{webhookSubscriptionId}", {
      params: subscription,
    });
    expect(response.status).toBe(200);
    expect(error).toBeUndefined();
    expect(data?.data).toMatchObject({
      ...subscriptionShape,
      headers: { Authorization: "Basic d2ViaG9va191c2VyOndlYmhvb2tfcGFzc3dvcmQ=" },
    });
  });

  failure("getWebhookSubscription", "surfaces a documented 404 as a typed error", async () => {
    const { data, error, response } = await dixa.GET("/webhooks/{webhookSubscriptionId}", {
      params: subscription,
      headers: preferCode(404),
    });
    expect(response.status).toBe(404);
    expect(data).toBeUndefined();
    expect(error?.message).toBe("An entity in this request could not be found");
  });
});

describe("patchWebhookSubscription", () => {
  happy("patchWebhookSubscription", "disables the subscription and changes its events", async () => {
    const { data, error, response } = await dixa.PATCH("/webhooks/{webhookSubscriptionId}", {
      params: subscription,
      body: { enabled: false, events: ["ConversationClosed", "ConversationCustomAttributeUpdated"] },
    });
    expect(response.status).toBe(200);
    expect(error).toBeUndefined();
    expect(data?.data).toMatchObject({ ...subscriptionShape, enabled: false });
  });

  failure("patchWebhookSubscription", "rejects enabled that is not a boolean", async () => {
    const { error, response } = await dixa.PATCH("/webhooks/{webhookSubscriptionId}", {
      params: subscription,
      // @ts-expect-error -- enabled is a boolean; a string is sent on purpose
      body: { enabled: "yes" },
    });
    expect(response.status).toBe(400);
    expect(error?.message).toEqual(expect.any(String));
    expect(readViolations(response)).toContainEqual(
      expect.objectContaining({ location: ["request", "body", "enabled"], code: "type" }),
    );
  });

  failure("patchWebhookSubscription", "rejects an empty patch", async () => {
    const { response } = await dixa.PATCH("/webhooks/{webhookSubscriptionId}", {
      params: subscription,
      body: {},
    });
    expect(response.status).toBe(400);
    expect(readViolations(response)).toContainEqual(expect.objectContaining({ code: "minProperties" }));
  });
});

describe("deleteWebhookSubscription", () => {
  happy("deleteWebhookSubscription", "deletes the subscription with 204 No Content", async () => {
    const { data, error, response } = await dixa.DELETE("/webhooks/{webhookSubscriptionId}", {
      params: subscription,
    });
    expect(response.status).toBe(204);
    expect(data).toBeUndefined();
    expect(error).toBeUndefined();
  });

  failure("deleteWebhookSubscription", "rejects a subscription id that is not a UUID", async () => {
    const { error, response } = await dixa.DELETE("/webhooks/{webhookSubscriptionId}", {
      params: { path: { webhookSubscriptionId: "dashboard" } },
    });
    expect(response.status).toBe(400);
    expect(error?.message).toEqual(expect.any(String));
    expect(readViolations(response)).toContainEqual(
      expect.objectContaining({ location: ["request", "path", "webhooksubscriptionid"], code: "format" }),
    );
  });
});
