// The Dixa -> Alpharun sync against Prism mocks of both vendored specs, one test per outcome: every
// request the SDK sends must be one the specs accept (no `sl-violations`). Prism answers the specs'
// examples: Dixa conversation 100 (state Open) of end user alice@brown.com, rated 4 "Super good!",
// tagged "refund"; the Alpharun contact has one custom field, preferred_contact_method ("phone" in
// the PATCH /contacts example). A call's documented error status is asked for with `Prefer`.
import { readViolations, type Violation } from "@cxkit/mocks";
import { useMocks } from "@cxkit/mocks/vitest";
import { describe, expect, test } from "vitest";
import { type CxOptions, createCx } from "../../src/index.js";

const mocks = useMocks("alpharun", "dixa");
const CONVERSATION_ID = 100;
const LOOKUP = "alpharun PATCH /contacts (lookup)";
const WRITE = "alpharun PATCH /contacts (write)";

interface Exchange {
  call: string;
  status: number;
  body: unknown;
  violations: Violation[];
}

/** Which calls answer a documented error status instead of their example, by the call's name. */
type Prefer = Record<string, number>;

function facade(prefer: Prefer = {}, options: Pick<CxOptions, "contactMapping" | "createContact"> = {}) {
  const exchanges: Exchange[] = [];
  const cx = createCx({
    env: { ALPHARUN_API_TOKEN: "contract", DIXA_API_KEY: "contract" },
    ...options,
    alpharun: { baseUrl: mocks.alpharun },
    dixa: { baseUrl: mocks.dixa },
    fetch: async (input, init) => {
      const request = new Request(input, init);
      const text = request.body ? await request.clone().text() : "";
      const body: unknown = text ? JSON.parse(text) : undefined;
      const url = new URL(request.url);
      const api = url.origin === new URL(mocks.alpharun).origin ? "alpharun" : "dixa";
      let call = `${api} ${request.method} ${decodeURIComponent(url.pathname)}`;
      if (call === "alpharun PATCH /contacts") {
        call += (body as { custom_fields?: unknown }).custom_fields ? " (write)" : " (lookup)";
      }
      const status = prefer[call];
      if (status !== undefined) request.headers.set("Prefer", `code=${status}`);
      const response = await fetch(request);
      exchanges.push({ call, status: response.status, body, violations: readViolations(response) });
      return response;
    },
  });
  const calls = () => exchanges.map(({ call, status }) => `${call} ${status}`);
  const violations = () => exchanges.flatMap((exchange) => exchange.violations);
  return { cx, exchanges, calls, violations };
}

const READS = [
  "dixa GET /conversations/100 200",
  "dixa GET /endusers/9c2a2cce-699f-4a72-89d9-fda5bc8dec8b 200",
];

describe("syncConversation against Prism", () => {
  test("writes a changed field through PATCH /contacts, finding the contact by its email", async () => {
    const { cx, exchanges, calls, violations } = facade();

    const report = await cx.syncConversation(CONVERSATION_ID, {
      mapping: { fields: { preferred_contact_method: "status" } },
    });

    expect(report).toMatchObject({
      status: "applied",
      contact: { matchedBy: "email", lookup: "alt:email:alice@brown.com", id: expect.any(String) },
      fields: [
        { key: "preferred_contact_method", source: "status", status: "applied", alpharunValue: "Open" },
      ],
    });
    expect(calls()).toEqual([...READS, `${LOOKUP} 200`, `${WRITE} 200`]);
    expect(exchanges.at(-1)?.body).toEqual({
      id: "6f1c2a4e-3b5d-4c7e-9f10-2a3b4c5d6e7f",
      custom_fields: { set: [{ key: "preferred_contact_method", value: "Open" }] },
    });
    expect(violations()).toEqual([]);
  });

  test("writes nothing when the contact already holds the value, and reports it unchanged", async () => {
    const { cx, calls } = facade();

    const report = await cx.syncConversation(CONVERSATION_ID, {
      mapping: { fields: { preferred_contact_method: { value: () => "phone" } } },
    });

    expect(report).toMatchObject({ status: "skipped", reason: { code: "unchanged" } });
    expect(report.fields).toEqual([
      expect.objectContaining({ status: "skipped", reason: expect.objectContaining({ code: "unchanged" }) }),
    ]);
    expect(calls()).toEqual([...READS, `${LOOKUP} 200`]);
  });

  test("a dry run plans the write and sends no PATCH that changes anything", async () => {
    const { cx, calls } = facade();

    const report = await cx.syncConversation(CONVERSATION_ID, {
      mapping: { fields: { preferred_contact_method: "ratingComment" } },
      dryRun: true,
    });

    expect(report).toMatchObject({
      status: "planned",
      dryRun: true,
      fields: [{ status: "planned", alpharunValue: "Super good!" }],
    });
    expect(calls()).toEqual([...READS, "dixa GET /conversations/100/ratings 200", `${LOOKUP} 200`]);
  });

  test("clears a field Dixa has no value for with custom_fields.remove, or leaves it with clearEmpty off", async () => {
    const { cx, exchanges, violations } = facade();
    const mapping = { fields: { preferred_contact_method: { value: () => null } } };

    const cleared = await cx.syncConversation(CONVERSATION_ID, { mapping });
    const left = await cx.syncConversation(CONVERSATION_ID, { mapping, clearEmpty: false });

    expect(cleared).toMatchObject({
      status: "applied",
      fields: [{ status: "applied", alpharunValue: null }],
    });
    expect(exchanges.filter((exchange) => exchange.call === WRITE).map((exchange) => exchange.body)).toEqual([
      { id: "6f1c2a4e-3b5d-4c7e-9f10-2a3b4c5d6e7f", custom_fields: { remove: ["preferred_contact_method"] } },
    ]);
    expect(left).toMatchObject({ status: "skipped", reason: { code: "empty-value" } });
    expect(violations()).toEqual([]);
  });

  test("an explicit mapping to a field the contact does not have is a configuration error that writes nothing", async () => {
    const { cx, calls } = facade();

    const report = await cx.syncConversation(CONVERSATION_ID, {
      mapping: { fields: { preferred_contact_method: "status", loyalty_tier: "tags" } },
    });

    expect(report.status).toBe("failed");
    expect(report.error).toMatchObject({ stage: "mapping", name: "MappingError" });
    expect(report.error?.message).toContain(
      'mapping loyalty_tier=tags: the Alpharun contact has no custom field "loyalty_tier"',
    );
    expect(report.fields).toEqual([
      expect.objectContaining({
        key: "preferred_contact_method",
        status: "skipped",
        reason: expect.objectContaining({ code: "mapping-error" }),
      }),
      expect.objectContaining({ key: "loyalty_tier", status: "failed" }),
    ]);
    expect(calls()).not.toContain(`${WRITE} 200`);
  });

  test("under the default mapping, fields the contact does not have are skipped", async () => {
    const { cx, calls } = facade();

    const report = await cx.syncConversation(CONVERSATION_ID);

    expect(report.status).toBe("skipped");
    expect(report.reason?.code).toBe("unknown-field");
    expect(report.fields.map((field) => field.status)).toEqual(Array(5).fill("skipped"));
    expect(calls()).not.toContain(`${WRITE} 200`);
  });

  test("skips a conversation whose end user has no Alpharun contact, naming every lookup tried", async () => {
    const { cx, calls } = facade({ [LOOKUP]: 404 });

    const report = await cx.syncConversation(CONVERSATION_ID, {
      mapping: { fields: { preferred_contact_method: "status" } },
    });

    expect(report).toMatchObject({ status: "skipped", reason: { code: "contact-not-found" }, fields: [] });
    expect(report.reason?.message).toBe(
      "no Alpharun contact matches alt:email:alice@brown.com, alt:phone_number:+551155256325",
    );
    expect(calls()).toEqual([...READS, `${LOOKUP} 404`, `${LOOKUP} 404`]);
  });

  test("creates the missing contact with POST /contacts when asked, then writes its fields", async () => {
    const { cx, exchanges, calls, violations } = facade({ [LOOKUP]: 404 }, { createContact: true });

    const report = await cx.syncConversation(CONVERSATION_ID, {
      mapping: { fields: { preferred_contact_method: "status" } },
    });

    expect(report).toMatchObject({
      status: "applied",
      contact: { matchedBy: "created", created: true, lookup: "alice@brown.com" },
    });
    expect(calls()).toEqual([
      ...READS,
      `${LOOKUP} 404`,
      `${LOOKUP} 404`,
      "alpharun POST /contacts 200",
      `${WRITE} 200`,
    ]);
    expect(exchanges.find((exchange) => exchange.call === "alpharun POST /contacts")?.body).toEqual({
      email: "alice@brown.com",
      phone_number: "+551155256325",
      first_name: "Alice",
      last_name: "Brown",
    });
    expect(violations()).toEqual([]);
  });

  test("finds the contact by a key the mapping names: the end user's externalId as alt:ext_id", async () => {
    const { cx, calls } = facade();

    const report = await cx.syncConversation(CONVERSATION_ID, {
      mapping: { lookup: ["externalId"], fields: { preferred_contact_method: "tags" } },
    });

    expect(report).toMatchObject({
      status: "applied",
      contact: { matchedBy: "externalId", lookup: "alt:ext_id:#12345678" },
      fields: [{ alpharunValue: "refund" }],
    });
    expect(calls()).toContain("alpharun GET /contacts/alt:ext_id:#12345678 200");
  });

  test("fails at fetch-conversation when Dixa answers the documented 404, and touches Alpharun not at all", async () => {
    const { cx, calls } = facade({ "dixa GET /conversations/100": 404 });

    const report = await cx.syncConversation(CONVERSATION_ID);

    expect(report).toMatchObject({ status: "failed", error: { stage: "fetch-conversation", status: 404 } });
    expect(calls()).toEqual(["dixa GET /conversations/100 404"]);
  });

  test("reports each field failed with the error of a PATCH Alpharun refuses", async () => {
    const { cx } = facade({ [WRITE]: 400 });

    const report = await cx.syncConversation(CONVERSATION_ID, {
      mapping: { fields: { preferred_contact_method: "status" } },
    });

    expect(report.status).toBe("failed");
    expect(report.fields).toEqual([
      expect.objectContaining({
        status: "failed",
        error: expect.objectContaining({ stage: "patch-contact", status: 400 }),
      }),
    ]);
  });
});
