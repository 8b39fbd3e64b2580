// The sync workflow against Prism mocks of both vendored specs: every request the SDK sends must be
// one the specs accept (no `sl-violations`), and the spec's examples must flow through the workflow.
import { preferCode, readViolations, type Violation } from "@cxkit/mocks";
import { useMocks } from "@cxkit/mocks/vitest";
import { describe, expect, test } from "vitest";
import { type CxOptions, createCx } from "../../src/index.js";

const mocks = useMocks("alpharun", "dixa");
/** The interaction id of the Alpharun spec's webhook example. */
const INTERACTION_ID = "11111111-2222-3333-4444-555555555555";
/** The conversation of the Dixa spec's examples. */
const CONVERSATION_ID = 100;

interface Exchange {
  call: string;
  status: number;
  violations: Violation[];
}

function facade(options: Pick<CxOptions, "alpharun" | "dixa" | "mapping"> = {}) {
  const exchanges: Exchange[] = [];
  const cx = createCx({
    env: { ALPHARUN_API_TOKEN: "contract", DIXA_API_KEY: "contract" },
    ...options,
    alpharun: { baseUrl: mocks.alpharun, ...options.alpharun },
    dixa: { baseUrl: mocks.dixa, ...options.dixa },
    fetch: async (input, init) => {
      const request = new Request(input, init);
      const response = await fetch(request);
      const url = new URL(request.url);
      const api = url.origin === new URL(mocks.alpharun).origin ? "alpharun" : "dixa";
      exchanges.push({
        call: `${api} ${request.method} ${url.pathname}`,
        status: response.status,
        violations: readViolations(response),
      });
      return response;
    },
  });
  return { cx, exchanges };
}

describe("syncInteraction against Prism", () => {
  test("writes a mapped field onto an explicit conversation with requests both specs accept", async () => {
    const { cx, exchanges } = facade({ mapping: { customer_satisfaction_score: "parcel_id" } });

    const report = await cx.syncInteraction(INTERACTION_ID, { conversationId: CONVERSATION_ID });

    expect(report.status).toBe("applied");
    expect(report.fields).toEqual([
      expect.objectContaining({
        key: "customer_satisfaction_score",
        attribute: "parcel_id",
        status: "applied",
        dixaValue: "4.5",
      }),
      expect.objectContaining({
        key: "issue_resolved",
        status: "skipped",
        reason: expect.objectContaining({ code: "not-mapped" }),
      }),
    ]);
    expect(report.writeBack?.key).toBe("dixa_conversation_id");
    expect(exchanges.map(({ call, status }) => `${call} ${status}`)).toEqual([
      `alpharun GET /customer-interactions/${INTERACTION_ID} 200`,
      // The mapping is checked against the attribute definitions before the conversation is read.
      "dixa GET /custom-attributes 200",
      `dixa GET /conversations/${CONVERSATION_ID} 200`,
      `dixa PATCH /conversations/${CONVERSATION_ID}/custom-attributes 200`,
      `alpharun PATCH /customer-interactions/${INTERACTION_ID} 200`,
    ]);
    expect(exchanges.flatMap((exchange) => exchange.violations)).toEqual([]);
  });

  test("a dry run plans against the spec's examples and sends no write", async () => {
    const { cx, exchanges } = facade({ mapping: { customer_satisfaction_score: "parcel_id" } });

    const report = await cx.syncInteraction(INTERACTION_ID, {
      conversationId: CONVERSATION_ID,
      dryRun: true,
    });

    expect(report.status).toBe("planned");
    expect(exchanges.some((exchange) => exchange.call.includes("PATCH"))).toBe(false);
    expect(exchanges.flatMap((exchange) => exchange.violations)).toEqual([]);
  });

  test("fails at the first stage when Alpharun answers the documented 404, and touches nothing else", async () => {
    const { cx, exchanges } = facade({ alpharun: { headers: preferCode(404) } });

    const report = await cx.syncInteraction(INTERACTION_ID);

    expect(report).toMatchObject({ status: "failed", error: { stage: "fetch-interaction", status: 404 } });
    expect(exchanges.map((exchange) => exchange.call)).toEqual([
      `alpharun GET /customer-interactions/${INTERACTION_ID}`,
    ]);
  });
});

describe("finding the conversation against Prism", () => {
  test("looks the end user up by the contact's email and takes their most recent conversation", async () => {
    const { cx, exchanges } = facade({ mapping: { customer_satisfaction_score: "parcel_id" } });

    const report = await cx.syncInteraction(INTERACTION_ID, { dryRun: true });

    // Note: needs the Dixa spec's listEndUserConversations example to be a last page (no `meta.next`).
    expect(report.error).toBeUndefined();
    expect(report).toMatchObject({
      status: "planned",
      endUser: { matchedBy: "email", value: "john.doe@example.com" },
      conversationId: CONVERSATION_ID,
      conversationSource: "most-recent",
    });
    expect(exchanges.flatMap((exchange) => exchange.violations)).toEqual([]);
  });

  test("handles the spec's customer_interaction.updated webhook example", async () => {
    const { cx } = facade({ mapping: { customer_satisfaction_score: "parcel_id" } });
    const example = {
      event_type: "customer_interaction.updated",
      data: {
        customer_interaction: {
          id: INTERACTION_ID,
          public_api_url: `https://api.alpharun.com/api/v1/customer-interactions/${INTERACTION_ID}`,
        },
      },
    };

    const report = await cx.handleAlpharunWebhook(example, { dryRun: true });

    expect(report.error).toBeUndefined();
    expect(report).toMatchObject({
      interactionId: INTERACTION_ID,
      status: "planned",
      conversationId: CONVERSATION_ID,
    });
  });
});
