// handleAlpharunWebhook and handleDixaWebhook with the drift check they are given: the payload is
// checked against the spec.
import { ResponseDriftError, validateAlpharunResponses } from "@cxkit/alpharun/validate";
import { validateDixaResponses } from "@cxkit/dixa/validate";
import type { DriftEvent } from "@cxkit/runtime/drift";
import { describe, expect, test } from "vitest";
import { CxOptionsError, createCx } from "../../src/index.js";
import { delivery, eventBody, WEBHOOK_SECRET } from "../support/dixa-delivery.js";
import { scenario } from "../support/fixtures.js";
import { addConversation, addCustomer, type World } from "../support/world.js";

const updated = (id: string, extra: Record<string, unknown> = {}, url?: string) => ({
  event_type: "customer_interaction.updated",
  data: {
    customer_interaction: {
      id,
      public_api_url: url ?? `https://api.alpharun.com/api/v1/customer-interactions/${id}`,
    },
  },
  ...extra,
});

const webhookEvents = (events: DriftEvent[]) => events.filter((event) => event.path === "webhook");

function contactFields(world: World) {
  world.contactFieldKeys = new Set(["dixa_conversation_status"]);
}

test("reports a webhook payload's extra field as additive drift and still syncs", async () => {
  const events: DriftEvent[] = [];
  const validateResponses = validateAlpharunResponses({ onDrift: (event) => events.push(event) });
  const { cx, world } = await scenario(undefined, { alpharun: { validateResponses } });
  const { interactionId } = addCustomer(world, { customer_satisfaction_score: 5 });

  const report = await cx.handleAlpharunWebhook(JSON.stringify(updated(interactionId, { attempt: 2 })));

  expect(report.status).toBe("applied");
  expect(webhookEvents(events).map((event) => [event.kind, event.pointer, event.operationId])).toEqual([
    ["extra-field", "/attempt", "CustomerInteractionUpdatedWebhook"],
  ]);
});

test("checks a webhook body given as bytes as it checks its text", async () => {
  const events: DriftEvent[] = [];
  const validateResponses = validateAlpharunResponses({ onDrift: (event) => events.push(event) });
  const { cx, world } = await scenario(undefined, { alpharun: { validateResponses } });
  const { interactionId } = addCustomer(world, { customer_satisfaction_score: 5 });
  const body = new TextEncoder().encode(JSON.stringify(updated(interactionId, { attempt: 2 })));

  const report = await cx.handleAlpharunWebhook(body);

  expect(report.status).toBe("applied");
  expect(webhookEvents(events).map((event) => [event.kind, event.pointer])).toEqual([
    ["extra-field", "/attempt"],
  ]);
});

test('"throw" rejects a payload that breaks the spec with ResponseDriftError, before any request', async () => {
  const validateResponses = validateAlpharunResponses({ mode: "throw", onDrift: () => {} });
  const { cx, world, server } = await scenario(undefined, { alpharun: { validateResponses } });
  const { interactionId } = addCustomer(world, { customer_satisfaction_score: 5 });

  const error = await cx
    .handleAlpharunWebhook(updated(interactionId, {}, "pii-relative/path"))
    .catch((caught: unknown) => caught);

  expect(error).toBeInstanceOf(ResponseDriftError);
  expect((error as ResponseDriftError).drifts.map((drift) => [drift.kind, drift.pointer])).toEqual([
    ["format", "/data/customer_interaction/public_api_url"],
  ]);
  expect(JSON.stringify(error)).not.toContain("pii-");
  expect(server.requests).toEqual([]);
});

test("a validateResponses that is not a drift check is refused by createCx", () => {
  expect(() => createCx({ env: {}, dixa: { validateResponses: "report" as never } })).toThrow(CxOptionsError);
  expect(() => createCx({ env: {}, dixa: { validateResponses: "report" as never } })).toThrow(
    /dixa\.validateResponses must be a drift check, got "report"/,
  );
});

describe("handleDixaWebhook with the Dixa drift check it is given", () => {
  const closed = (conversationId: number, conversation: Record<string, unknown> = {}) => {
    const event = JSON.parse(eventBody(conversationId)) as { data: { conversation: object } };
    event.data.conversation = { ...event.data.conversation, ...conversation };
    return JSON.stringify(event);
  };

  test("reports a delivery whose data breaks its event's schema, and still syncs", async () => {
    const events: DriftEvent[] = [];
    const validateResponses = validateDixaResponses({ onDrift: (event) => events.push(event) });
    const { cx, world } = await scenario(contactFields, {
      dixa: { webhookSecret: WEBHOOK_SECRET, validateResponses },
    });
    const { conversationId } = addConversation(world, { state: "Closed" });
    const { body, headers } = delivery(closed(conversationId, { status: 3 }));

    const result = await cx.handleDixaWebhook(new TextEncoder().encode(body), headers);

    expect(result.status).toBe("applied");
    expect(webhookEvents(events).map((event) => [event.kind, event.pointer, event.operationId])).toEqual([
      ["type-changed", "/data/conversation/status", "KnownWebhookEvent"],
    ]);
  });

  test('"throw" refuses such a delivery with ResponseDriftError, before any request', async () => {
    const validateResponses = validateDixaResponses({ mode: "throw", onDrift: () => {} });
    const { cx, world, server } = await scenario(contactFields, {
      dixa: { webhookSecret: WEBHOOK_SECRET, validateResponses },
    });
    const { conversationId } = addConversation(world, { state: "Closed" });
    const { body, headers } = delivery(closed(conversationId, { requester: { id: "pii-not-a-uuid" } }));

    const error = await cx.handleDixaWebhook(body, headers).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(ResponseDriftError);
    expect((error as ResponseDriftError).drifts.map((drift) => [drift.kind, drift.pointer])).toEqual([
      ["format", "/data/conversation/requester/id"],
    ]);
    expect(JSON.stringify(error)).not.toContain("pii-");
    expect(server.requests).toEqual([]);
  });
});
