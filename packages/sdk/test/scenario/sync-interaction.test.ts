// Scenarios of one interaction's sync, against a scripted Alpharun + Dixa on 127.0.0.1.
import { describe, expect, test } from "vitest";
import { defineFieldMapping } from "../../src/index.js";
import { scenario, standardAttributes, writes } from "../support/fixtures.js";
import { addCustomer, attributesOf, selectAttribute, textAttribute } from "../support/world.js";

describe("values", () => {
  test("writes a number as Text and a boolean as the matching Select option, then writes the conversation id back", async () => {
    const { cx, world, server } = await scenario();
    const { interactionId, conversationId } = addCustomer(world, {
      customer_satisfaction_score: 4.5,
      issue_resolved: true,
    });

    const report = await cx.syncInteraction(interactionId);

    expect(report.status).toBe("applied");
    expect(report.conversationId).toBe(conversationId);
    expect(report.fields).toEqual([
      expect.objectContaining({ key: "customer_satisfaction_score", status: "applied", dixaValue: "4.5" }),
      expect.objectContaining({ key: "issue_resolved", status: "applied", dixaValue: ["yes"] }),
    ]);
    expect(report.writeBack).toEqual({
      status: "applied",
      key: "dixa_conversation_id",
      value: String(conversationId),
    });
    expect(attributesOf(world, conversationId as number)).toEqual({
      customer_satisfaction_score: "4.5",
      issue_resolved: ["yes"],
    });
    expect(world.interactions.get(interactionId)?.custom_fields).toEqual([
      expect.objectContaining({ key: "dixa_conversation_id", value: String(conversationId) }),
    ]);
    expect(writes(server).map((request) => `${request.api} ${request.method} ${request.path}`)).toEqual([
      `dixa PATCH /conversations/${conversationId}/custom-attributes`,
      `alpharun PATCH /customer-interactions/${interactionId}`,
    ]);
  });

  test("writes a boolean as true/false text on a Text attribute and false as the no option", async () => {
    const { cx, world } = await scenario((w) => {
      standardAttributes(w);
      w.attributes.push(textAttribute("escalated"));
    });
    const { interactionId, conversationId } = addCustomer(world, { escalated: true, issue_resolved: false });

    await cx.syncInteraction(interactionId);

    expect(attributesOf(world, conversationId as number)).toEqual({
      escalated: "true",
      issue_resolved: ["no"],
    });
  });

  test("clears an attribute when Alpharun extracted null", async () => {
    const { cx, world, server } = await scenario();
    const { interactionId, conversationId } = addCustomer(world, { customer_satisfaction_score: null });
    const definition = world.attributes.find(
      (attribute) => attribute.identifier === "customer_satisfaction_score",
    );
    world.conversations.get(conversationId as number)?.attributes.set(definition?.id as string, "3");

    const report = await cx.syncInteraction(interactionId);

    expect(report.fields[0]).toMatchObject({ status: "applied", dixaValue: null });
    expect(writes(server)[0]?.body).toEqual({ [definition?.id as string]: null });
    expect(attributesOf(world, conversationId as number)).toEqual({});
  });

  test("writes nothing when run a second time", async () => {
    const { cx, world, server } = await scenario();
    const { interactionId } = addCustomer(world, { customer_satisfaction_score: 3, issue_resolved: false });
    await cx.syncInteraction(interactionId);
    const before = writes(server).length;

    const again = await cx.syncInteraction(interactionId);

    expect(again.status).toBe("skipped");
    expect(again.reason?.code).toBe("unchanged");
    expect(again.fields.map((field) => field.status)).toEqual(["skipped", "skipped"]);
    expect(again.writeBack?.status).toBe("skipped");
    expect(writes(server)).toHaveLength(before);
  });
});

describe("Select attributes", () => {
  const topics = (w: Parameters<typeof standardAttributes>[0]) => {
    standardAttributes(w);
    w.attributes.push(
      selectAttribute("csat_band", [
        { value: "high", label: "High" },
        { value: "low", label: "Low" },
      ]),
      selectAttribute("contact_reason", [
        { value: "payment", label: "Payment", nested: ["card", "invoice"] },
        { value: "delivery", label: "Delivery" },
        { value: "legacy", label: "Legacy", isDeactivated: true },
      ]),
    );
  };

  test("maps through a typed mapping whose transform picks an option by label", async () => {
    const { cx, world } = await scenario(topics);
    const { interactionId, conversationId } = addCustomer(world, { customer_satisfaction_score: 4.6 });
    const mapping = defineFieldMapping({
      customer_satisfaction_score: {
        attribute: "csat_band",
        transform: (value) => (Number(value) >= 4 ? "HIGH" : "Low"),
      },
    });

    const report = await cx.syncInteraction(interactionId, { mapping });

    expect(report.fields).toEqual([
      expect.objectContaining({
        key: "customer_satisfaction_score",
        attribute: "csat_band",
        status: "applied",
        dixaValue: ["high"],
      }),
    ]);
    expect(attributesOf(world, conversationId as number)).toEqual({ csat_band: ["high"] });
  });

  test("writes the path of a nested option", async () => {
    const { cx, world } = await scenario(topics);
    const { interactionId, conversationId } = addCustomer(world, { contact_reason: "Invoice" });

    await cx.syncInteraction(interactionId);

    expect(attributesOf(world, conversationId as number)).toEqual({ contact_reason: ["payment", "invoice"] });
  });

  test("fails a value no active option matches, naming the value and the valid options", async () => {
    const { cx, world, server } = await scenario(topics);
    const { interactionId } = addCustomer(world, { contact_reason: "legacy", issue_resolved: "maybe" });

    const report = await cx.syncInteraction(interactionId);

    expect(report.status).toBe("failed");
    expect(report.fields).toEqual([
      expect.objectContaining({
        key: "contact_reason",
        status: "failed",
        error: {
          stage: "convert",
          name: "ValueError",
          message: expect.stringContaining('"legacy" (valid: payment/card, payment/invoice, delivery)'),
        },
      }),
      expect.objectContaining({
        key: "issue_resolved",
        status: "failed",
        error: expect.objectContaining({
          stage: "convert",
          message: expect.stringContaining('"maybe" (valid: yes, no)'),
        }),
      }),
    ]);
    expect(writes(server)).toEqual([]);
  });
});

describe("attributes that cannot be written", () => {
  test("skips archived, deactivated, contact-level and unknown attributes with a reason, and writes the rest", async () => {
    const { cx, world, server } = await scenario((w) => {
      standardAttributes(w);
      w.attributes.push(textAttribute("paused_score", { isDeactivated: true }));
    });
    const { interactionId, conversationId } = addCustomer(world, {
      customer_satisfaction_score: 5,
      legacy_score: 5,
      paused_score: 5,
      customer_tier: "gold",
      sentiment: "positive",
    });

    const report = await cx.syncInteraction(interactionId);

    const reasons = Object.fromEntries(
      report.fields.map((field) => [
        field.key,
        field.status === "skipped" ? field.reason.code : field.status,
      ]),
    );
    expect(reasons).toEqual({
      customer_satisfaction_score: "applied",
      legacy_score: "archived",
      paused_score: "deactivated",
      customer_tier: "not-a-conversation-attribute",
      sentiment: "unknown-attribute",
    });
    const patch = writes(server).find((request) => request.api === "dixa");
    expect(Object.keys(patch?.body as object)).toHaveLength(1);
    expect(attributesOf(world, conversationId as number)).toEqual({ customer_satisfaction_score: "5" });
  });

  test("reports mapped fields the interaction did not extract and extracted fields the mapping leaves out", async () => {
    const { cx, world } = await scenario();
    const { interactionId } = addCustomer(world, { customer_satisfaction_score: 5, summary_tone: "calm" });

    const report = await cx.syncInteraction(interactionId, {
      mapping: {
        customer_satisfaction_score: "customer_satisfaction_score",
        issue_resolved: "issue_resolved",
      },
    });

    expect(
      report.fields.map((field) => [
        field.key,
        field.status === "skipped" ? field.reason.code : field.status,
      ]),
    ).toEqual([
      ["customer_satisfaction_score", "applied"],
      ["summary_tone", "not-mapped"],
      ["issue_resolved", "not-extracted"],
    ]);
  });
});

describe("finding the end user and conversation", () => {
  test("skips an interaction whose contacts match no Dixa end user, writing nothing", async () => {
    const { cx, world, server } = await scenario();
    const { interactionId } = addCustomer(
      world,
      { customer_satisfaction_score: 4 },
      { email: "nobody@example.com", phone: "+4511223344", externalId: "ext-9", inDixa: false },
    );

    const report = await cx.syncInteraction(interactionId);

    expect(report).toMatchObject({
      status: "skipped",
      reason: {
        code: "end-user-not-found",
        message: "no Dixa end user matches email nobody@example.com, phone +4511223344, externalId ext-9",
      },
      fields: [],
    });
    expect(report.writeBack).toBeUndefined();
    const lookups = server.requests.filter((request) => request.path === "/endusers");
    expect(lookups.map((request) => request.query.toString())).toEqual([
      "email=nobody%40example.com&pageLimit=1",
      "phone=%2B4511223344&pageLimit=1",
      "externalId=ext-9&pageLimit=1",
    ]);
    expect(writes(server)).toEqual([]);
  });

  test("finds the end user by phone, then by external id, when the email is unknown to Dixa", async () => {
    const { cx, world } = await scenario();
    const byPhone = addCustomer(
      world,
      { customer_satisfaction_score: 1 },
      { email: undefined, phone: "+4500000001" },
    );
    const byExternalId = addCustomer(
      world,
      { customer_satisfaction_score: 2 },
      { email: undefined, externalId: "crm-42" },
    );

    const phoneReport = await cx.syncInteraction(byPhone.interactionId);
    const externalIdReport = await cx.syncInteraction(byExternalId.interactionId);

    expect(phoneReport.endUser).toEqual({ id: byPhone.endUserId, matchedBy: "phone", value: "+4500000001" });
    expect(externalIdReport.endUser).toEqual({
      id: byExternalId.endUserId,
      matchedBy: "externalId",
      value: "crm-42",
    });
    expect(externalIdReport.status).toBe("applied");
  });

  test("skips an end user without conversations, writing nothing", async () => {
    const { cx, world, server } = await scenario();
    const { interactionId, endUserId } = addCustomer(
      world,
      { customer_satisfaction_score: 4 },
      { conversations: [] },
    );

    const report = await cx.syncInteraction(interactionId);

    expect(report).toMatchObject({
      status: "skipped",
      endUser: { id: endUserId, matchedBy: "email" },
      reason: { code: "no-conversation" },
    });
    expect(writes(server)).toEqual([]);
  });

  test("picks the most recent conversation across pages", async () => {
    const { cx, world, server } = await scenario();
    const { interactionId, conversationId } = addCustomer(
      world,
      { customer_satisfaction_score: 4 },
      {
        conversations: [
          "2024-01-01T10:00:00.000Z[GMT]",
          "2024-03-01T10:00:00.000Z[GMT]",
          "2024-06-01T10:00:00.000Z[GMT]",
          "2024-02-01T10:00:00.000Z[GMT]",
        ],
      },
    );

    const report = await cx.syncInteraction(interactionId);

    expect(report).toMatchObject({ conversationId, conversationSource: "most-recent", status: "applied" });
    const pages = server.requests.filter((request) => request.path.endsWith("/conversations"));
    expect(pages).toHaveLength(2);
  });

  test("writes to an explicit conversation without looking up the end user", async () => {
    const { cx, world, server } = await scenario();
    const { interactionId } = addCustomer(
      world,
      { customer_satisfaction_score: 4 },
      { conversations: ["2024-01-01T00:00:00Z"] },
    );
    const other = addCustomer(world, {}, {});

    const report = await cx.syncInteraction(interactionId, {
      conversationId: other.conversationId as number,
    });

    expect(report).toMatchObject({
      conversationId: other.conversationId,
      conversationSource: "explicit",
      status: "applied",
    });
    expect(server.requests.some((request) => request.path === "/endusers")).toBe(false);
  });
});

describe("dry run and failures", () => {
  test("a dry run returns the plan and writes nothing", async () => {
    const { cx, world, server } = await scenario();
    const { interactionId, conversationId } = addCustomer(world, {
      customer_satisfaction_score: 4,
      issue_resolved: true,
    });

    const report = await cx.syncInteraction(interactionId, { dryRun: true });

    expect(report).toMatchObject({ status: "planned", dryRun: true, conversationId });
    expect(report.fields.map((field) => field.status)).toEqual(["planned", "planned"]);
    expect(report.writeBack).toEqual({
      status: "planned",
      key: "dixa_conversation_id",
      value: String(conversationId),
    });
    expect(writes(server)).toEqual([]);
  });

  test("reports a write-back that Alpharun ignored because the custom field does not exist", async () => {
    const { cx, world } = await scenario();
    world.interactionFieldKeys.clear();
    const { interactionId } = addCustomer(world, { customer_satisfaction_score: 4 });

    const report = await cx.syncInteraction(interactionId);

    expect(report.status).toBe("applied");
    expect(report.writeBack).toMatchObject({ status: "skipped", reason: { code: "write-back-ignored" } });
  });

  test("uses a configured write-back key, or none", async () => {
    const { cx, world, server } = await scenario();
    world.interactionFieldKeys.add("dixa_csid");
    const first = addCustomer(world, { customer_satisfaction_score: 4 });
    const second = addCustomer(world, { customer_satisfaction_score: 4 });

    const keyed = await cx.syncInteraction(first.interactionId, { writeBackKey: "dixa_csid" });
    const none = await cx.syncInteraction(second.interactionId, { writeBackKey: false });

    expect(keyed.writeBack).toMatchObject({ status: "applied", key: "dixa_csid" });
    expect(none.writeBack).toBeUndefined();
    expect(writes(server).filter((request) => request.api === "alpharun")).toHaveLength(1);
  });

  test("reports a failed write-back after the Dixa write succeeded, and a re-run completes it", async () => {
    const { cx, world, server } = await scenario();
    const { interactionId, conversationId } = addCustomer(world, { customer_satisfaction_score: 4 });
    server.script({
      api: "alpharun",
      method: "PATCH",
      times: 1,
      status: 400,
      body: { error: 400, message: "Bad request" },
    });

    const first = await cx.syncInteraction(interactionId);
    const second = await cx.syncInteraction(interactionId);

    expect(first.status).toBe("failed");
    expect(first.fields[0]?.status).toBe("applied");
    expect(first.writeBack).toMatchObject({ status: "failed", error: { stage: "write-back", status: 400 } });
    // The write-back alone never makes an interaction applied: Dixa already held every value.
    expect(second).toMatchObject({ status: "skipped", reason: { code: "unchanged" } });
    expect(second.fields[0]).toMatchObject({ status: "skipped", reason: { code: "unchanged" } });
    expect(second.writeBack?.status).toBe("applied");
    expect(writes(server).filter((request) => request.api === "dixa")).toHaveLength(1);
    expect(attributesOf(world, conversationId as number)).toEqual({ customer_satisfaction_score: "4" });
  });

  test("fails every planned field when Dixa rejects the PATCH, and does not write back", async () => {
    const { cx, world, server } = await scenario();
    const { interactionId } = addCustomer(world, { customer_satisfaction_score: 4, issue_resolved: true });
    server.script({
      api: "dixa",
      method: "PATCH",
      status: 400,
      body: { message: "Invalid value for: body" },
    });

    const report = await cx.syncInteraction(interactionId);

    expect(report.status).toBe("failed");
    expect(report.fields).toEqual([
      expect.objectContaining({
        status: "failed",
        error: expect.objectContaining({ stage: "patch-conversation", status: 400 }),
      }),
      expect.objectContaining({
        status: "failed",
        error: expect.objectContaining({ stage: "patch-conversation", status: 400 }),
      }),
    ]);
    expect(report.writeBack).toBeUndefined();
    expect(writes(server).filter((request) => request.api === "alpharun")).toEqual([]);
  });

  test("fails an interaction Alpharun does not know, before touching Dixa", async () => {
    const { cx, server } = await scenario();

    const report = await cx.syncInteraction("00000000-0000-4000-8000-00000000dead");

    expect(report).toMatchObject({ status: "failed", error: { stage: "fetch-interaction", status: 404 } });
    expect(server.requests.filter((request) => request.api === "dixa")).toEqual([]);
  });

  test("fails a field whose transform throws, and writes the others", async () => {
    const { cx, world } = await scenario();
    const { interactionId, conversationId } = addCustomer(world, {
      customer_satisfaction_score: 4,
      issue_resolved: true,
    });

    const report = await cx.syncInteraction(interactionId, {
      mapping: {
        customer_satisfaction_score: {
          attribute: "customer_satisfaction_score",
          transform: () => {
            throw new Error("no scale configured");
          },
        },
        issue_resolved: "issue_resolved",
      },
    });

    expect(report.status).toBe("failed");
    expect(report.fields[0]).toMatchObject({
      status: "failed",
      error: { stage: "transform", message: "no scale configured" },
    });
    expect(attributesOf(world, conversationId as number)).toEqual({ issue_resolved: ["yes"] });
  });
});
