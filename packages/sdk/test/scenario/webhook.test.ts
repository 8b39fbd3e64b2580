// handleAlpharunWebhook against a scripted Alpharun + Dixa: only customer_interaction.updated syncs.
import { describe, expect, test } from "vitest";
import { WebhookPayloadError } from "../../src/index.js";
import { scenario, writes } from "../support/fixtures.js";
import { addCustomer, attributesOf } from "../support/world.js";

const updated = (id: string) => ({
  event_type: "customer_interaction.updated",
  data: {
    customer_interaction: {
      id,
      public_api_url: `https://api.alpharun.com/api/v1/customer-interactions/${id}`,
    },
  },
});

describe("handleAlpharunWebhook", () => {
  test("syncs the interaction of a customer_interaction.updated payload", async () => {
    const { cx, world } = await scenario();
    const { interactionId, conversationId } = addCustomer(world, { customer_satisfaction_score: 5 });

    const report = await cx.handleAlpharunWebhook(updated(interactionId));

    expect(report).toMatchObject({ interactionId, status: "applied", conversationId });
    expect(attributesOf(world, conversationId as number)).toEqual({ customer_satisfaction_score: "5" });
  });

  test("accepts the raw request body as text", async () => {
    const { cx, world } = await scenario();
    const { interactionId } = addCustomer(world, { customer_satisfaction_score: 5 });

    const report = await cx.handleAlpharunWebhook(JSON.stringify(updated(interactionId)));

    expect(report.status).toBe("applied");
  });

  test("rejects another event type with a typed error and requests nothing", async () => {
    const { cx, world, server } = await scenario();
    const { interactionId } = addCustomer(world, { customer_satisfaction_score: 5 });
    const payload = { ...updated(interactionId), event_type: "interview.call.completed" };

    const error = await cx.handleAlpharunWebhook(payload).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(WebhookPayloadError);
    expect(error).toMatchObject({ problem: "unsupported-event", eventType: "interview.call.completed" });
    expect((error as Error).message).toContain('unsupported webhook event "interview.call.completed"');
    expect(server.requests).toEqual([]);
  });

  test.each([
    ["not JSON", "{event_type:"],
    ["an array", []],
    ["null", null],
    ["without event_type", { data: {} }],
    ["without data", { event_type: "customer_interaction.updated" }],
    ["with an empty id", updated("")],
    [
      "without public_api_url",
      { event_type: "customer_interaction.updated", data: { customer_interaction: { id: "x" } } },
    ],
  ])("rejects a payload %s as malformed and requests nothing", async (_, payload) => {
    const { cx, server } = await scenario();

    const error = await cx.handleAlpharunWebhook(payload).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(WebhookPayloadError);
    expect(error).toMatchObject({ problem: "malformed" });
    expect(server.requests).toEqual([]);
    expect(writes(server)).toEqual([]);
  });
});
