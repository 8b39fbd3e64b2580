// Reports that tell the truth: an explicit mapping that does not fit Dixa writes nothing, `applied`
// means every field the sync meant to write landed, and a rejected clear cannot sink the values.
import { describe, expect, test } from "vitest";
import { MappingError } from "../../src/index.js";
import { scenario, standardAttributes, writes } from "../support/fixtures.js";
import { addCustomer, attributesOf, type World } from "../support/world.js";

const idOf = (world: World, identifier: string) =>
  world.attributes.find((attribute) => attribute.identifier === identifier)?.id as string;

describe("an explicit mapping that does not fit Dixa", () => {
  test("to an attribute that does not exist is a configuration error, and nothing is written", async () => {
    const { cx, world, server } = await scenario();
    const { interactionId } = addCustomer(world, { customer_satisfaction_score: 4, issue_resolved: true });

    const report = await cx.syncInteraction(interactionId, {
      mapping: { customer_satisfaction_score: "csat_typo", issue_resolved: "issue_resolved" },
    });

    expect(report).toMatchObject({
      status: "failed",
      error: {
        stage: "mapping",
        name: "MappingError",
        message:
          'mapping customer_satisfaction_score=csat_typo: Dixa has no conversation custom attribute "csat_typo"',
      },
    });
    expect(report.fields).toEqual([
      expect.objectContaining({
        key: "customer_satisfaction_score",
        attribute: "csat_typo",
        status: "failed",
      }),
      expect.objectContaining({
        key: "issue_resolved",
        status: "skipped",
        reason: expect.objectContaining({ code: "mapping-error" }),
      }),
    ]);
    expect(report.writeBack).toBeUndefined();
    expect(writes(server)).toEqual([]);
  });

  test("to an archived or contact attribute fails even when the interaction did not extract the field", async () => {
    const { cx, world, server } = await scenario();
    const { interactionId } = addCustomer(world, { customer_satisfaction_score: 4 });

    const report = await cx.syncInteraction(interactionId, {
      mapping: {
        customer_satisfaction_score: "customer_satisfaction_score",
        old: "legacy_score",
        tier: "customer_tier",
      },
    });

    expect(report.status).toBe("failed");
    expect(report.error?.message).toBe(
      'mapping old=legacy_score: the Dixa attribute "legacy_score" is archived; ' +
        'mapping tier=customer_tier: "customer_tier" is a contact attribute, not a conversation one',
    );
    expect(writes(server)).toEqual([]);
  });

  test("to an attribute that cannot take the value writes nothing for that interaction", async () => {
    const { cx, world, server } = await scenario();
    const { interactionId } = addCustomer(world, { customer_satisfaction_score: 4, issue_resolved: "maybe" });

    const report = await cx.syncInteraction(interactionId, {
      mapping: {
        customer_satisfaction_score: "customer_satisfaction_score",
        issue_resolved: "issue_resolved",
      },
    });

    expect(report).toMatchObject({
      status: "failed",
      error: {
        stage: "mapping",
        message: expect.stringMatching(/^mapping issue_resolved=issue_resolved: .*"maybe"/),
      },
    });
    expect(report.fields.map((field) => field.status)).toEqual(["skipped", "failed"]);
    expect(writes(server)).toEqual([]);
  });

  test("stops a backfill before its first write, having checked the mapping once", async () => {
    const { cx, world, server } = await scenario();
    for (let i = 0; i < 3; i += 1) addCustomer(world, { customer_satisfaction_score: i });

    const error = await cx
      .backfillContact("alt:ext_id:contact-1", {
        mapping: { customer_satisfaction_score: "csat_typo" },
        concurrency: 2,
      })
      .catch((thrown: unknown) => thrown);

    expect(error).toBeInstanceOf(MappingError);
    expect((error as MappingError).problems).toEqual([
      expect.objectContaining({
        key: "customer_satisfaction_score",
        attribute: "csat_typo",
        code: "unknown-attribute",
      }),
    ]);
    expect(server.requests.map((request) => `${request.api} ${request.method} ${request.path}`)).toEqual([
      "dixa GET /custom-attributes",
    ]);
  });
});

describe("applied means every field the sync meant to write landed", () => {
  test("an interaction with no field Dixa has is skipped, and its conversation id is not written back", async () => {
    const { cx, world, server } = await scenario();
    const { interactionId } = addCustomer(world, { sentiment: "calm" });

    const report = await cx.syncInteraction(interactionId);

    expect(report).toMatchObject({ status: "skipped", reason: { code: "unknown-attribute" } });
    expect(report.writeBack).toBeUndefined();
    expect(writes(server)).toEqual([]);
  });

  test("a field that failed keeps the interaction from applied, and holds back the write-back", async () => {
    const { cx, world, server } = await scenario();
    const { interactionId, conversationId } = addCustomer(world, {
      customer_satisfaction_score: 4,
      issue_resolved: "maybe",
    });

    const report = await cx.syncInteraction(interactionId);

    expect(report.status).toBe("failed");
    expect(report.fields.map((field) => field.status)).toEqual(["applied", "failed"]);
    expect(report.writeBack).toBeUndefined();
    expect(attributesOf(world, conversationId as number)).toEqual({ customer_satisfaction_score: "4" });
    expect(writes(server).map((request) => request.api)).toEqual(["dixa"]);
  });
});

describe("clearing an attribute", () => {
  const withValues = (world: World, conversationId: number) => {
    const attributes = world.conversations.get(conversationId)?.attributes;
    attributes?.set(idOf(world, "issue_resolved"), ["yes"]);
    attributes?.set(idOf(world, "customer_satisfaction_score"), "2");
  };

  test("sends the values, then the clears in a second PATCH; a Dixa that rejects null fails the clears alone", async () => {
    const { cx, world, server } = await scenario();
    const { interactionId, conversationId } = addCustomer(world, {
      customer_satisfaction_score: 4,
      issue_resolved: null,
    });
    withValues(world, conversationId as number);
    server.script({
      api: "dixa",
      method: "PATCH",
      when: (request) => Object.values(request.body as object).includes(null),
      status: 400,
      body: { message: "Invalid value for: body (expected string or array)" },
    });

    const report = await cx.syncInteraction(interactionId);

    expect(writes(server).map((request) => request.body)).toEqual([
      { [idOf(world, "customer_satisfaction_score")]: "4" },
      { [idOf(world, "issue_resolved")]: null },
    ]);
    expect(report.status).toBe("failed");
    expect(report.fields).toEqual([
      expect.objectContaining({ key: "customer_satisfaction_score", status: "applied", dixaValue: "4" }),
      expect.objectContaining({
        key: "issue_resolved",
        status: "failed",
        error: expect.objectContaining({ stage: "patch-conversation", status: 400 }),
      }),
    ]);
    expect(attributesOf(world, conversationId as number)).toEqual({
      customer_satisfaction_score: "4",
      issue_resolved: ["yes"],
    });
    expect(report.writeBack).toBeUndefined();
  });

  test("clearEmpty: false leaves the attribute as it is, with its own reason", async () => {
    const { cx, world, server } = await scenario(standardAttributes, { clearEmpty: false });
    const { interactionId, conversationId } = addCustomer(world, {
      customer_satisfaction_score: 4,
      issue_resolved: null,
    });
    withValues(world, conversationId as number);

    const report = await cx.syncInteraction(interactionId);

    expect(report.status).toBe("applied");
    expect(report.fields[1]).toMatchObject({
      key: "issue_resolved",
      status: "skipped",
      reason: { code: "empty-value" },
    });
    expect(writes(server).filter((request) => request.api === "dixa")).toHaveLength(1);
    expect(attributesOf(world, conversationId as number)).toMatchObject({ issue_resolved: ["yes"] });
  });
});

describe("signal", () => {
  test("an aborted signal stops the sync before it requests anything", async () => {
    const { cx, world, server } = await scenario();
    const { interactionId } = addCustomer(world, { customer_satisfaction_score: 4 });

    const report = await cx.syncInteraction(interactionId, { signal: AbortSignal.abort() });

    expect(report).toMatchObject({
      status: "failed",
      error: { stage: "fetch-interaction", name: "AbortError" },
    });
    expect(server.requests).toEqual([]);
  });

  test("aborting mid-sync stops its request in flight, and the report keeps what was written", async () => {
    const { cx, world, server } = await scenario();
    const { interactionId, conversationId } = addCustomer(world, { customer_satisfaction_score: 4 });
    const controller = new AbortController();
    // Once Dixa has the fields, the server holds every request: the write-back stays in flight.
    server.onAnswered(
      (request) => request.api === "dixa" && request.method === "PATCH",
      1,
      () => server.hold(),
    );

    const pending = cx.handleAlpharunWebhook(
      {
        event_type: "customer_interaction.updated",
        data: { customer_interaction: { id: interactionId, public_api_url: "https://api.alpharun.com" } },
      },
      { signal: controller.signal },
    );
    while (!server.requests.some((request) => request.api === "alpharun" && request.method === "PATCH")) {
      await new Promise((wake) => setTimeout(wake, 5));
    }
    controller.abort();
    const report = await pending;
    server.release();

    expect(report.status).toBe("failed");
    expect(report.fields[0]).toMatchObject({ status: "applied" });
    expect(report.writeBack).toMatchObject({ status: "failed", error: { name: "AbortError" } });
    expect(attributesOf(world, conversationId as number)).toEqual({ customer_satisfaction_score: "4" });
  });
});
