// syncConversation against a scripted server that keeps both vendors' state: what is written onto
// the Alpharun contact, and that a second run writes nothing.
import { describe, expect, test } from "vitest";
import { CxOptionsError, defineContactMapping } from "../../src/index.js";
import { scenario } from "../support/fixtures.js";
import type { ScriptedServer } from "../support/scripted-server.js";
import { addConversation, type World } from "../support/world.js";

const fields = (world: World) => {
  world.contactFieldKeys = new Set(["last_status", "csat", "dixa_tags"]);
};
const mapping = defineContactMapping({
  fields: { last_status: "status", csat: "rating", dixa_tags: "tags" },
});
const writes = (server: ScriptedServer) =>
  server.requests.filter(
    (request) => request.method === "POST" || (request.body as { custom_fields?: unknown })?.custom_fields,
  );

describe("syncConversation", () => {
  test("writes only the values that changed, and a second run writes nothing", async () => {
    const { server, world, cx } = await scenario(fields, { contactMapping: mapping });
    const { conversationId, contactId } = addConversation(world, {
      state: "Closed",
      rating: { score: 4 },
      tags: ["refund"],
      contact: { last_status: "Closed" },
    });

    const first = await cx.syncConversation(conversationId);
    const second = await cx.syncConversation(conversationId);

    expect(first.fields.map((field) => `${field.key} ${field.status}`)).toEqual([
      "last_status skipped",
      "csat applied",
      "dixa_tags applied",
    ]);
    expect(writes(server).map((request) => request.body)).toEqual([
      {
        id: contactId,
        custom_fields: {
          set: [
            { key: "csat", value: "4" },
            { key: "dixa_tags", value: "refund" },
          ],
        },
      },
    ]);
    expect(second).toMatchObject({ status: "skipped", reason: { code: "unchanged" } });
  });

  test("clears a field whose Dixa value is gone", async () => {
    const { world, cx } = await scenario(fields, { contactMapping: mapping });
    const { conversationId, contactId } = addConversation(world, {
      contact: { csat: "5", last_status: "Open" },
    });

    const report = await cx.syncConversation(conversationId);

    expect(report.status).toBe("applied");
    expect(
      Object.fromEntries(world.contacts.find((contact) => contact.id === contactId)?.fields ?? []),
    ).toEqual({
      last_status: "Open",
    });
  });

  test("falls back to the phone number when no contact has the email", async () => {
    const { world, cx } = await scenario(fields, { contactMapping: mapping });
    const { conversationId } = addConversation(world, { phone: "+4512345678", contact: false });
    world.contacts.push({ id: "c-phone", phone_number: "+4512345678", fields: new Map() });

    const report = await cx.syncConversation(conversationId);

    expect(report.contact).toMatchObject({
      id: "c-phone",
      matchedBy: "phone",
      lookup: "alt:phone_number:+4512345678",
    });
    expect(world.contacts.find((contact) => contact.id === "c-phone")?.fields.get("last_status")).toBe(
      "Open",
    );
  });

  test("plans the creation of a missing contact in a dry run, then creates it and writes its fields", async () => {
    const { server, world, cx } = await scenario(fields, { contactMapping: mapping, createContact: true });
    const { conversationId } = addConversation(world, { email: "new@example.com", contact: false });

    const plan = await cx.syncConversation(conversationId, { dryRun: true });
    const posted = server.requests.filter((request) => request.method === "POST").length;
    const report = await cx.syncConversation(conversationId);

    expect(plan).toMatchObject({ status: "planned", contact: { matchedBy: "created", created: "planned" } });
    expect(posted).toBe(0);
    expect(report).toMatchObject({ status: "applied", contact: { matchedBy: "created", created: true } });
    expect(
      world.contacts.find((contact) => contact.email === "new@example.com")?.fields.get("last_status"),
    ).toBe("Open");
  });

  test("refuses a mapping that names no fact it knows, before any request", async () => {
    const { server, cx } = await scenario(fields);

    await expect(
      cx.syncConversation(1, { mapping: { fields: { last_status: "state" as never } } }),
    ).rejects.toThrow(CxOptionsError);
    await expect(cx.syncConversation(0)).rejects.toThrow(
      "syncConversation: conversationId must be a Dixa conversation id: a whole number from 1 to 9007199254740991, got 0",
    );
    expect(server.requests).toEqual([]);
  });
});
