// handleDixaWebhook and syncConversation against a scripted server that keeps both vendors' state:
// deliveries signed by Dixa's recipe, each event handled once, and contacts written only where a
// value changed.
import { describe, expect, test } from "vitest";
import {
  CxOptionsError,
  createCx,
  createMemoryEventStore,
  EnvironmentSecretError,
  WebhookPayloadError,
  WebhookSignatureError,
} from "../../src/index.js";
import { delivery, eventBody, WEBHOOK_SECRET } from "../support/dixa-delivery.js";
import { scenario } from "../support/fixtures.js";
import type { ScriptedServer } from "../support/scripted-server.js";
import { addConversation, type World } from "../support/world.js";

const FIELDS = [
  "dixa_conversation_id",
  "dixa_conversation_status",
  "dixa_rating",
  "dixa_rating_comment",
  "dixa_tags",
];

function contactFields(world: World) {
  world.contactFieldKeys = new Set(FIELDS);
}

const contactWrites = (server: ScriptedServer) =>
  server.requests.filter(
    (request) =>
      (request.method === "PATCH" && (request.body as { custom_fields?: unknown })?.custom_fields) ||
      request.method === "POST",
  );

const secret = { dixa: { webhookSecret: WEBHOOK_SECRET } };

describe("handleDixaWebhook", () => {
  test("syncs a signed conversation-closed delivery onto the contact's fields", async () => {
    const { server, world, cx } = await scenario(contactFields, secret);
    const { conversationId, contactId } = addConversation(world, {
      state: "Closed",
      tags: ["refund", "vip"],
      rating: { score: 5, comment: "Quick and friendly." },
    });
    const { body, headers } = delivery(eventBody(conversationId));

    const result = await cx.handleDixaWebhook(body, headers);

    expect(result).toMatchObject({ eventFqn: "CONVERSATION_CLOSED", conversationId, status: "applied" });
    const contact = world.contacts.find((candidate) => candidate.id === contactId);
    expect(Object.fromEntries(contact?.fields ?? [])).toEqual({
      dixa_conversation_id: String(conversationId),
      dixa_conversation_status: "Closed",
      dixa_rating: "5",
      dixa_rating_comment: "Quick and friendly.",
      dixa_tags: "refund, vip",
    });
    expect(contactWrites(server)).toHaveLength(1);
  });

  test("handles the same event delivered twice at once only once, and reports the other as duplicate", async () => {
    const { server, world, cx } = await scenario(contactFields, secret, { latencyMs: 20 });
    const { conversationId } = addConversation(world, { state: "Closed" });
    const body = eventBody(conversationId);

    const results = await Promise.all([
      cx.handleDixaWebhook(body, delivery(body).headers),
      cx.handleDixaWebhook(body, delivery(body).headers),
    ]);

    expect(results.map((result) => result.status).sort()).toEqual(["applied", "duplicate"]);
    expect(
      server.requests.filter((request) => request.path === `/conversations/${conversationId}`),
    ).toHaveLength(1);
    expect(contactWrites(server)).toHaveLength(1);
  });

  test("handles an event once with a store that only has has and add, delivered twice at once", async () => {
    const seen = new Set<string>();
    const eventStore = {
      has: async (id: string) => seen.has(id),
      add: async (id: string) => {
        seen.add(id);
      },
    };
    const { server, world, cx } = await scenario(contactFields, { ...secret, eventStore }, { latencyMs: 20 });
    const { conversationId } = addConversation(world, { state: "Closed" });
    const body = eventBody(conversationId);

    const results = await Promise.all(
      [1, 2, 3].map(() => cx.handleDixaWebhook(body, delivery(body).headers)),
    );

    expect(results.map((result) => result.status).sort()).toEqual(["applied", "duplicate", "duplicate"]);
    expect(contactWrites(server)).toHaveLength(1);
    expect(seen.size).toBe(1);
  });

  test("answers a later repeat of a handled event as duplicate without a request", async () => {
    const { server, world, cx } = await scenario(contactFields, secret);
    const { conversationId } = addConversation(world, { state: "Closed" });
    const body = eventBody(conversationId);
    await cx.handleDixaWebhook(body, delivery(body).headers);
    const before = server.requests.length;

    const repeat = await cx.handleDixaWebhook(body, delivery(body).headers);

    expect(repeat).toMatchObject({ status: "duplicate", eventFqn: "CONVERSATION_CLOSED" });
    expect(server.requests.length).toBe(before);
  });

  test("refuses a delivery signed with another secret before any request", async () => {
    const { server, world, cx } = await scenario(contactFields, secret);
    const { conversationId } = addConversation(world);
    const { body, headers } = delivery(eventBody(conversationId), "00".repeat(32));

    const error = await cx.handleDixaWebhook(body, headers).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(WebhookSignatureError);
    expect((error as WebhookSignatureError).reason).toBe("bad-signature");
    expect(server.requests).toEqual([]);
  });

  test("skips events it was not asked to sync and events cxkit does not know, without a request", async () => {
    const { server, world, cx } = await scenario(contactFields, secret);
    const { conversationId } = addConversation(world);

    const tagged = await cx.handleDixaWebhook(
      ...args(eventBody(conversationId, { fqn: "CONVERSATION_TAG_ADDED" })),
    );
    const unknown = await cx.handleDixaWebhook(...args(eventBody(conversationId, { fqn: "SLA_BREACHED" })));

    expect(tagged).toMatchObject({ status: "skipped", reason: { code: "event-not-synced" } });
    expect(tagged.reason?.message).toBe(
      "CONVERSATION_TAG_ADDED is not one of the events synced (synced: CONVERSATION_CLOSED, CONVERSATION_RATED)",
    );
    expect(unknown).toMatchObject({
      status: "skipped",
      eventFqn: "SLA_BREACHED",
      reason: { code: "event-not-synced" },
    });
    expect(server.requests).toEqual([]);
  });

  test("refuses a synced event without its conversation id as a malformed payload, before any request", async () => {
    const { server, cx } = await scenario(contactFields, secret);
    const raw = JSON.parse(eventBody(1)) as { data: unknown };
    raw.data = { conversation: { csid: "4242" } };

    const error = await cx.handleDixaWebhook(...args(JSON.stringify(raw))).catch((caught: unknown) => caught);
    const skipped = await cx.handleDixaWebhook(
      ...args(JSON.stringify({ ...raw, event_fqn: "CONVERSATION_TAG_ADDED" })),
    );

    expect(error).toBeInstanceOf(WebhookPayloadError);
    expect(error).toMatchObject({ problem: "malformed", eventType: "CONVERSATION_CLOSED" });
    expect((error as Error).message).toContain("data.conversation.csid");
    expect(skipped).toMatchObject({ status: "skipped", reason: { code: "event-not-synced" } });
    expect(server.requests).toEqual([]);
  });

  test("forgets an event whose sync failed in a way worth retrying, so Dixa's retry is handled", async () => {
    const { server, world, cx } = await scenario(contactFields, { ...secret, retry: false });
    const { conversationId } = addConversation(world, { state: "Closed" });
    server.script({
      api: "alpharun",
      method: "PATCH",
      status: 503,
      times: 2,
      body: { error: 503, message: "busy" },
    });
    const body = eventBody(conversationId);

    const first = await cx.handleDixaWebhook(body, delivery(body).headers);
    const retried = await cx.handleDixaWebhook(body, delivery(body).headers);

    expect(first).toMatchObject({
      status: "failed",
      report: { error: { stage: "find-contact", status: 503 } },
    });
    expect(retried.status).toBe("failed");
    const third = await cx.handleDixaWebhook(body, delivery(body).headers);
    expect(third.status).toBe("applied");
  });

  test("uses the event store it is given, across facades", async () => {
    const store = createMemoryEventStore();
    const { world, cx } = await scenario(contactFields, { ...secret, eventStore: store });
    const { conversationId } = addConversation(world, { state: "Closed" });
    const body = eventBody(conversationId);
    await cx.handleDixaWebhook(body, delivery(body).headers);

    const other = createCx({
      env: { ALPHARUN_API_TOKEN: "a", DIXA_API_KEY: "d" },
      ...secret,
      eventStore: store,
    });

    await expect(other.handleDixaWebhook(body, delivery(body).headers)).resolves.toMatchObject({
      status: "duplicate",
    });
  });
});

describe("the webhook secret", () => {
  test("is read from DIXA_WEBHOOK_SECRET, and its absence is named before the delivery is read", async () => {
    const cx = createCx({ env: { ALPHARUN_API_TOKEN: "a", DIXA_API_KEY: "d" } });

    const error = await cx.handleDixaWebhook("{}", {}).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(EnvironmentSecretError);
    expect((error as Error).message).toBe(
      "DIXA_WEBHOOK_SECRET is not set: set it in the environment or pass createCx({ dixa.webhookSecret })",
    );
  });

  test("is read from the environment once per delivery", async () => {
    let reads = 0;
    const env = {
      ALPHARUN_API_TOKEN: "a",
      DIXA_API_KEY: "d",
      get DIXA_WEBHOOK_SECRET() {
        reads += 1;
        return WEBHOOK_SECRET;
      },
    };
    const cx = createCx({ env });
    const { body, headers } = delivery(eventBody(1, { fqn: "CONVERSATION_CREATED" }));

    await expect(cx.handleDixaWebhook(body, headers)).resolves.toMatchObject({ status: "skipped" });
    expect(reads).toBe(1);
  });

  test("from the environment must be hex, and the error never shows it", async () => {
    const cx = createCx({
      env: { ALPHARUN_API_TOKEN: "a", DIXA_API_KEY: "d", DIXA_WEBHOOK_SECRET: "my-secret-text" },
    });

    const error = await cx.handleDixaWebhook("{}", {}).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(EnvironmentSecretError);
    expect((error as Error).message).toMatch(/^DIXA_WEBHOOK_SECRET is not usable: .*not a hex digit/);
    expect((error as Error).message).not.toContain("my-secret-text");
  });

  test("given to createCx must be hex: CxOptionsError at createCx, naming the option", () => {
    expect(() => createCx({ dixa: { webhookSecret: "my-secret-text" } })).toThrow(CxOptionsError);
    expect(() => createCx({ dixa: { webhookSecret: "my-secret-text" } })).toThrow(
      /^createCx: dixa\.webhookSecret: expected the webhook subscription's secret key/,
    );
  });

  test("refuses a body that was parsed already", async () => {
    const cx = createCx({ env: {}, ...secret });

    await expect(cx.handleDixaWebhook({} as unknown as string, {})).rejects.toThrow(
      "handleDixaWebhook: body must be the raw request body, a string or Uint8Array (not parsed JSON), got an object",
    );
  });
});

function args(body: string): [string, Record<string, string>] {
  const signed = delivery(body);
  return [signed.body, signed.headers];
}
