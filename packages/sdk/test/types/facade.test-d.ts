// Type tests of the facade's public API: what compiles and, with @ts-expect-error, what must not.
import type { AlpharunClient } from "@cxkit/alpharun";
import type { DixaClient } from "@cxkit/dixa";
import { describe, expectTypeOf, test } from "vitest";
import {
  type BackfillReport,
  type Cx,
  createCx,
  defineFieldMapping,
  type FieldReport,
  type SkipCode,
  type SyncReport,
} from "../../src/index.js";

const cx: Cx = createCx({ env: {} });

describe("createCx", () => {
  test("exposes the typed clients of both APIs", () => {
    expectTypeOf(cx.alpharun).toEqualTypeOf<AlpharunClient>();
    expectTypeOf(cx.dixa).toEqualTypeOf<DixaClient>();
  });

  test("credentials are options or environment variables, not positional arguments", () => {
    createCx({ alpharun: { token: "t" }, dixa: { apiKey: "k", baseUrl: "http://127.0.0.1:4010" } });
    // @ts-expect-error Dixa's credential is `apiKey`, not `token`
    createCx({ dixa: { token: "k" } });
  });
});

describe("mappings", () => {
  test("map a key to an identifier, or to a rule whose transform sees Alpharun's value", () => {
    const mapping = defineFieldMapping({
      customer_satisfaction_score: "csat",
      issue_resolved: {
        attribute: "resolved",
        transform: (value) => {
          expectTypeOf(value).toEqualTypeOf<string | number | boolean | null>();
          return value === true ? ["yes"] : "no";
        },
      },
    });
    expectTypeOf(mapping.customer_satisfaction_score).toEqualTypeOf<"csat">();
  });

  test("a rule must name its attribute, and a transform must return a writable value", () => {
    // @ts-expect-error a rule without `attribute`
    defineFieldMapping({ score: { transform: (value: unknown) => String(value) } });
    // @ts-expect-error an object is not a value Dixa accepts
    defineFieldMapping({ score: { attribute: "csat", transform: () => ({ value: 1 }) } });
  });
});

describe("reports", () => {
  test("a field's reason, error or value exists only for its status", () => {
    const field = {} as FieldReport;
    // @ts-expect-error `reason` only exists once the status is known to be skipped
    void field.reason;
    if (field.status === "skipped") expectTypeOf(field.reason.code).toEqualTypeOf<SkipCode>();
    if (field.status === "failed") expectTypeOf(field.error.message).toEqualTypeOf<string>();
    if (field.status === "applied") expectTypeOf(field.dixaValue).toEqualTypeOf<string | string[] | null>();
  });

  test("workflows resolve to typed reports", () => {
    expectTypeOf(cx.syncInteraction("id")).resolves.toEqualTypeOf<SyncReport>();
    expectTypeOf(cx.handleAlpharunWebhook({})).resolves.toEqualTypeOf<SyncReport>();
    expectTypeOf(cx.backfill(["a", "b"])).resolves.toEqualTypeOf<BackfillReport>();
    expectTypeOf(cx.backfillContact("c")).resolves.toEqualTypeOf<BackfillReport>();
  });

  test("a webhook chooses no conversation, and a conversation id is a number", () => {
    // @ts-expect-error the webhook's interaction finds its own conversation
    void cx.handleAlpharunWebhook({}, { conversationId: 1 });
    // @ts-expect-error Dixa conversation ids are int64 numbers
    void cx.syncInteraction("id", { conversationId: "100" });
  });
});
