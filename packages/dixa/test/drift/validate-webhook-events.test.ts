// validateDixaWebhookEvents: the drift check of verified webhook deliveries against each event's
// schema (verification itself checks only the envelope).
import { describe, expect, test, vi } from "vitest";
import { type DriftEvent, ResponseDriftError, validateDixaWebhookEvents } from "../../src/validate.js";
import { BODY_MARKER, closedEvent } from "../webhooks/dixa-recipe.js";

/** The drift events of one delivery, as [kind, body pointer, spec pointer]. */
function drifts(delivery: string | Uint8Array | object): [string, string, string][] {
  const events: DriftEvent[] = [];
  const check = validateDixaWebhookEvents({ onDrift: (event) => events.push(event) });
  const returned = check(delivery);
  expect(returned).toEqual(events);
  return events.map((event) => [event.kind, event.pointer, event.spec.pointer]);
}

const CONVERSATION = "#/components/schemas/WebhookConversation";

describe("validateDixaWebhookEvents", () => {
  test("finds no drift in a delivery that matches its event's schema", () => {
    expect(drifts(JSON.stringify(closedEvent()))).toEqual([]);
  });

  test("checks a known event's data against that event's schema, naming field and spec rule", () => {
    const body = closedEvent({ data: { conversation: { csid: "4242", subject: BODY_MARKER } } });
    expect(drifts(JSON.stringify(body))).toEqual([
      ["type-changed", "/data/conversation/csid", `${CONVERSATION}/properties/csid/type`],
    ]);
    expect(drifts(closedEvent({ data: {} }))).toEqual([
      ["missing-field", "/data/conversation", "#/components/schemas/ConversationEventData/required"],
    ]);
  });

  test("checks an event the spec does not describe against the envelope alone", () => {
    expect(drifts(closedEvent({ event_fqn: "SLA_BREACHED", data: { sla: 1 } }))).toEqual([]);
    expect(drifts(closedEvent({ event_fqn: "SLA_BREACHED", event_id: "not-a-uuid" }))).toEqual([
      ["format", "/event_id", "#/components/schemas/WebhookEventHeader/properties/event_id/format"],
    ]);
  });

  test("parses no delivery the sampling skips", () => {
    const parse = vi.spyOn(JSON, "parse");
    try {
      const events: DriftEvent[] = [];
      const skip = validateDixaWebhookEvents({
        sampleRate: 0.5,
        random: () => 0.9,
        onDrift: (e) => events.push(e),
      });
      const body = JSON.stringify(closedEvent({ data: {} }));
      expect(skip(body)).toEqual([]);
      expect(parse).not.toHaveBeenCalled();
      const take = validateDixaWebhookEvents({
        sampleRate: 0.5,
        random: () => 0.1,
        onDrift: (e) => events.push(e),
      });
      expect(take(body)).toHaveLength(1);
      expect(parse).toHaveBeenCalledTimes(1);
    } finally {
      parse.mockRestore();
    }
  });

  test("takes the raw body as bytes, as a receiver holds it", () => {
    const bytes = new TextEncoder().encode(JSON.stringify(closedEvent({ data: { conversation: {} } })));
    expect(drifts(bytes)).toEqual([["missing-field", "/data/conversation/csid", `${CONVERSATION}/required`]]);
  });

  test('"throw" throws ResponseDriftError without the values, and never for a matching delivery', () => {
    const check = validateDixaWebhookEvents({ mode: "throw", onDrift: () => {} });
    expect(check(closedEvent())).toEqual([]);
    const error = (() => {
      try {
        check(closedEvent({ data: { conversation: { csid: BODY_MARKER } } }));
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(ResponseDriftError);
    expect(JSON.stringify(error)).not.toContain(BODY_MARKER);
    expect(String(error)).toContain("/data/conversation/csid");
  });
});
