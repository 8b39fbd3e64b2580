// No loops: both webhook handlers wired to each other over the scripted vendors, every write firing
// the webhook its vendor would send (and more: every write fires, changed or not, and an Alpharun
// contact write fires customer_interaction.updated for the contact's interactions, which Alpharun
// does not document). One change on either side ends in a bounded number of writes, and an event
// caused by cxkit's own write writes nothing.
//
// The bound: the two syncs write disjoint targets, and the reverse sync writes nothing the forward
// sync reads (Alpharun contact fields), so a change flows one way and stops. An Alpharun change
// writes the Dixa conversation (at most 2 PATCHes: values, then clears) and the interaction's
// write-back (1); a reverse sync that maps a Dixa attribute then writes the contact (1 PATCH, plus
// 1 POST if it creates it). At most 5 writes; every later event finds its target equal.
import { describe, expect, test } from "vitest";
import type { CxOptions } from "../../src/index.js";
import { delivery, eventBody, WEBHOOK_SECRET } from "../support/dixa-delivery.js";
import { scenario, standardAttributes } from "../support/fixtures.js";
import type { RecordedRequest } from "../support/scripted-server.js";
import { addCustomer, type World } from "../support/world.js";

/** Most deliveries the pump handles before calling it a loop. */
const LOOP = 100;
const BOUND = 5;

type Delivery =
  | { api: "dixa"; csid: number; fqn: string; cause: string }
  | { api: "alpharun"; id: string; cause: string };

/** The writes among the recorded requests: every POST, and every PATCH that carries a change. */
function isWrite(request: RecordedRequest): boolean {
  if (request.method === "POST") return true;
  if (request.method !== "PATCH") return false;
  return !(
    request.api === "alpharun" &&
    request.path === "/contacts" &&
    !(request.body as { custom_fields?: unknown }).custom_fields
  );
}

async function wired(options: CxOptions) {
  const setup = await scenario(
    (world) => {
      standardAttributes(world);
      world.contactFieldKeys = new Set(["dixa_conversation_status", "csat_from_dixa"]);
    },
    { ...options, dixa: { webhookSecret: WEBHOOK_SECRET } },
  );
  const { world, server, cx } = setup;
  const queue: Delivery[] = [];
  // Note: what the vendors send after a write, as the scripted server applies it.
  world.onWrite = (write) => {
    const cause = `${write.api} ${write.kind} write`;
    if (write.kind === "conversation") {
      queue.push({
        api: "dixa",
        csid: Number(write.id),
        fqn: "CONVERSATION_CUSTOM_ATTRIBUTE_UPDATED",
        cause,
      });
    } else if (write.kind === "interaction") queue.push({ api: "alpharun", id: String(write.id), cause });
    else {
      const email = world.contacts.find((contact) => contact.id === write.id)?.email;
      for (const interaction of world.interactions.values()) {
        if (interaction.contacts?.some((contact) => contact.email === email)) {
          queue.push({ api: "alpharun", id: interaction.id, cause });
        }
      }
    }
  };
  /** Delivers `first`, then every event the writes fire, until none is left; the writes each caused. */
  const run = async (first: Delivery) => {
    queue.push(first);
    const trace: { delivery: Delivery; writes: number }[] = [];
    while (queue.length > 0) {
      if (trace.length >= LOOP) throw new Error(`no end after ${LOOP} deliveries: a loop`);
      const next = queue.shift() as Delivery;
      const before = server.requests.filter(isWrite).length;
      if (next.api === "dixa") {
        const { body, headers } = delivery(eventBody(next.csid, { fqn: next.fqn }));
        await cx.handleDixaWebhook(body, headers);
      } else {
        const url = `https://api.alpharun.com/api/v1/customer-interactions/${next.id}`;
        await cx.handleAlpharunWebhook({
          event_type: "customer_interaction.updated",
          data: { customer_interaction: { id: next.id, public_api_url: url } },
        });
      }
      trace.push({ delivery: next, writes: server.requests.filter(isWrite).length - before });
    }
    return { trace, writes: server.requests.filter(isWrite) };
  };
  return { ...setup, run };
}

/** An Alpharun interaction of a contact known to both vendors, with a Dixa conversation. */
function customer(world: World) {
  const email = "ann@example.com";
  const { interactionId, conversationId } = addCustomer(
    world,
    { customer_satisfaction_score: 4.5 },
    { email },
  );
  world.contacts.push({ id: "6f1c2a4e-3b5d-4c7e-9f10-2a3b4c5d6e7f", email, fields: new Map() });
  return { interactionId, conversationId: conversationId as number };
}

describe("the two syncs wired to each other", () => {
  test("with the defaults, an Alpharun change makes 2 writes and the events they fire write nothing", async () => {
    const { world, run } = await wired({});
    const { interactionId } = customer(world);

    const { trace, writes } = await run({ api: "alpharun", id: interactionId, cause: "extraction finished" });

    expect(writes.map((write) => `${write.api} ${write.method} ${write.path}`)).toEqual([
      expect.stringMatching(/^dixa PATCH \/conversations\/\d+\/custom-attributes$/),
      `alpharun PATCH /customer-interactions/${interactionId}`,
    ]);
    expect(trace.slice(1).map((step) => step.writes)).toEqual(trace.slice(1).map(() => 0));
    expect(trace.length).toBeGreaterThan(1);
  });

  test("with the defaults, a Dixa change makes 1 write and the events it fires write nothing", async () => {
    const { world, run } = await wired({});
    const { interactionId, conversationId } = customer(world);
    await run({ api: "alpharun", id: interactionId, cause: "synced before" });
    const conversation = world.conversations.get(conversationId);
    if (conversation) conversation.state = "Closed";

    const { trace } = await run({
      api: "dixa",
      csid: conversationId,
      fqn: "CONVERSATION_CLOSED",
      cause: "agent closed it",
    });

    expect(trace[0]?.writes).toBe(1);
    expect(world.contacts[0]?.fields.get("dixa_conversation_status")).toBe("Closed");
    expect(trace.slice(1).every((step) => step.writes === 0)).toBe(true);
    // Another event about the same, unchanged conversation writes nothing either.
    const rated = await run({ api: "dixa", csid: conversationId, fqn: "CONVERSATION_RATED", cause: "rated" });
    expect(rated.trace.map((step) => step.writes)).toEqual([0]);
  });

  test(`in the worst case (attribute events synced back, mapped onto the contact), a change ends within ${BOUND} writes`, async () => {
    const { world, run } = await wired({
      dixaEvents: ["CONVERSATION_CLOSED", "CONVERSATION_RATED", "CONVERSATION_CUSTOM_ATTRIBUTE_UPDATED"],
      contactMapping: {
        fields: {
          dixa_conversation_status: "status",
          csat_from_dixa: { attribute: "customer_satisfaction_score" },
        },
      },
    });
    const { interactionId, conversationId } = customer(world);

    const fromAlpharun = await run({ api: "alpharun", id: interactionId, cause: "extraction finished" });
    const conversation = world.conversations.get(conversationId);
    if (conversation) conversation.state = "Closed";
    const fromDixa = await run({
      api: "dixa",
      csid: conversationId,
      fqn: "CONVERSATION_CLOSED",
      cause: "closed",
    });

    expect(fromAlpharun.writes.length).toBeLessThanOrEqual(BOUND);
    expect(world.contacts[0]?.fields.get("csat_from_dixa")).toBe("4.5");
    // Note: the second generation of events (fired by the writes the first ones caused) writes nothing.
    const [, ...caused] = fromAlpharun.trace;
    expect(caused.filter((step) => step.writes > 0).map((step) => step.delivery.cause)).toEqual([
      "dixa conversation write",
    ]);
    expect(fromDixa.writes.length - fromAlpharun.writes.length).toBe(1);
    expect(fromDixa.trace.slice(1).every((step) => step.writes === 0)).toBe(true);
  });
});
