// What verifyDixaWebhook makes of a verified body, and how it refuses a bad secret, option or
// argument: typed errors that never show the secret, the signature or the body.
import { inspect } from "node:util";
import { ClientOptionsError } from "@cxkit/runtime";
import type { CompiledValidator } from "@cxkit/runtime/drift";
import { describe, expect, test } from "vitest";
import { dixaValidators } from "../../src/validate.js";
import {
  DIXA_WEBHOOK_EVENTS,
  WebhookSecretError,
  WebhookSignatureError,
  verifyDixaWebhook as webVerify,
} from "../../src/webhooks/index.js";
import { verifyDixaWebhook as nodeVerify } from "../../src/webhooks/index.node.js";
import { BODY_MARKER, closedEvent, dixaSignature, dixaV1, SECRET } from "./dixa-recipe.js";

const NOW = 1_736_933_400_000;
const T = String(NOW);
const now = () => NOW;

/** Verifies `body` signed by Dixa's recipe; resolves to the event or the error. */
async function deliver(raw: string | Uint8Array, verify = webVerify): Promise<unknown> {
  return verify(raw, { "x-dixa-signature": dixaSignature(raw, T) }, SECRET, { now }).catch((error) => error);
}

const signed = (event: unknown) => JSON.stringify(event);

const envelope = dixaValidators.payloads.KnownWebhookEvent as CompiledValidator;

/** Whether the spec's check refuses `body` for anything but a string format (`uuid`). */
function specRefuses(body: unknown): boolean {
  return !envelope(body) && (envelope.errors ?? []).some((error) => error.keyword !== "format");
}

/** The fields the spec's check says `body` lacks at `at` (`""`: the body itself). */
function missingFields(body: unknown, at: string): string[] {
  envelope(body);
  return (envelope.errors ?? []).flatMap((error) =>
    error.keyword === "required" && error.instancePath === at ? [String(error.params.missingProperty)] : [],
  );
}

/** A copy of `body` with the field at `path` (dot-separated) set to `value`, or removed for undefined. */
function withField(body: Record<string, unknown>, path: string, value: unknown): Record<string, unknown> {
  const copy = structuredClone(body);
  const keys = path.split(".");
  const last = keys.pop() as string;
  const holder = keys.reduce((node, key) => node[key] as Record<string, unknown>, copy);
  if (value === undefined) delete holder[last];
  else holder[last] = value;
  return copy;
}

describe("the verified body", () => {
  test("an event the spec does not describe comes back as an unknown event, data untouched", async () => {
    const data = { sla: { id: "s-1" } };
    const event = await deliver(signed(closedEvent({ event_fqn: "SLA_BREACHED", data })));
    expect(event).toEqual({ ...closedEvent({ event_fqn: "SLA_BREACHED", data }), kind: "unknown-event" });
  });

  test("fields the spec does not list are kept", async () => {
    const event = await deliver(signed(closedEvent({ event_extra: 1 })));
    expect(event).toMatchObject({ kind: "known-event", event_extra: 1 });
  });

  test("every event_fqn the spec lists comes back as a known event", async () => {
    for (const fqn of DIXA_WEBHOOK_EVENTS) {
      expect(await deliver(signed(closedEvent({ event_fqn: fqn })))).toMatchObject({ kind: "known-event" });
    }
  });

  test("returns a known event whose data breaks its schema as it is: Dixa signed it (drift is the validate entry's)", async () => {
    const data = { conversation: { csid: "4242" } };
    for (const verify of [webVerify, nodeVerify]) {
      expect(await deliver(signed(closedEvent({ data })), verify)).toEqual({
        ...closedEvent({ data }),
        kind: "known-event",
      });
    }
  });

  test.each([
    ["not JSON", "{not json", "it is not JSON"],
    ["JSON but not an object", "[1, 2]", "the body must be an object"],
    ["without event_id", signed(closedEvent({ event_id: undefined })), "`event_id` is missing"],
    ["with an empty event_id", signed(closedEvent({ event_id: "" })), "`event_id` must not be empty"],
    ["with an empty event_fqn", signed(closedEvent({ event_fqn: "" })), "`event_fqn` must not be empty"],
    [
      "with a non-object data",
      signed(closedEvent({ event_fqn: "SLA_BREACHED", data: 3 })),
      "`data` must be an object",
    ],
    ["with an array as data", signed(closedEvent({ data: [] })), "`data` must be an object"],
    [
      "with an organization without its id",
      signed(closedEvent({ organization: { name: "Acme" } })),
      "`organization.id` is missing",
    ],
  ])("a signed body %s is malformed-body, naming what is wrong", async (_, raw, problem) => {
    for (const verify of [webVerify, nodeVerify]) {
      const error = await deliver(raw, verify);
      expect(error).toBeInstanceOf(WebhookSignatureError);
      expect(error).toMatchObject({ reason: "malformed-body" });
      expect((error as Error).message).toContain(problem);
    }
  });

  test("refuses exactly the envelopes the spec's envelope schema refuses (formats aside)", async () => {
    // Note: the spec's own check (generated for the validate entry) is the oracle; an unknown event
    // is checked against the envelope alone.
    const base = closedEvent({ event_fqn: "SLA_BREACHED", data: { sla: 1 } });
    expect(specRefuses(base)).toBe(false);
    const required = [
      ...missingFields({}, ""),
      ...missingFields({ ...base, organization: {} }, "/organization").map((name) => `organization.${name}`),
    ];
    expect(required.sort()).toEqual(
      [
        "data",
        "event_fqn",
        "event_id",
        "event_timestamp",
        "event_version",
        "organization",
        "organization.id",
      ].sort(),
    );
    for (const path of [...required, "organization.name"]) {
      for (const value of [undefined, 5, "text", true, null, {}, []]) {
        const body = withField(base, path, value);
        const refused = await deliver(signed(body)).then((result) => result instanceof WebhookSignatureError);
        expect(refused, `${path}: ${JSON.stringify(value)}`).toBe(specRefuses(body));
      }
    }
  });

  test("signed bytes that are not UTF-8 are malformed-body", async () => {
    const error = await deliver(new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]));
    expect(error).toMatchObject({ reason: "malformed-body" });
  });
});

describe("refusals before any check", () => {
  const header = { "x-dixa-signature": dixaSignature("{}", T) };

  test.each([
    ["not hex (the key as text)", "my-webhook-secret", "not a hex digit"],
    ["an odd number of hex digits", "abc", "odd number"],
    ["empty", "", "empty string"],
    ["wrapped in whitespace", ` ${SECRET}\n`, "whitespace"],
    ["missing", undefined, "got undefined"],
  ])("a secret %s is a WebhookSecretError, even with no signature header", async (_, secret, problem) => {
    for (const verify of [webVerify, nodeVerify]) {
      const error = await verify("{}", {}, secret as string).catch((caught) => caught);
      expect(error).toBeInstanceOf(WebhookSecretError);
      expect(error).toBeInstanceOf(ClientOptionsError);
      expect(error).toMatchObject({ option: "secret" });
      expect(error.message).toContain(problem);
      if (secret) expect(error.message).not.toContain(secret.trim());
    }
  });

  test.each([
    [{ toleranceSeconds: -1 }, "toleranceSeconds"],
    [{ toleranceSeconds: Number.NaN }, "toleranceSeconds"],
    [{ toleranceSeconds: "300" }, "toleranceSeconds"],
    [{ now: 5 }, "now"],
  ])("options %o are a ClientOptionsError naming the option", async (options, option) => {
    const error = await webVerify("{}", header, SECRET, options as never).catch((caught) => caught);
    expect(error).toBeInstanceOf(ClientOptionsError);
    expect(error).toMatchObject({ option });
  });

  test("a body that is already parsed is a TypeError that says to pass the raw body", async () => {
    const error = await webVerify(closedEvent() as never, header, SECRET).catch((caught) => caught);
    expect(error).toBeInstanceOf(TypeError);
    expect(error.message).toContain("raw request body");
  });
});

test("no error message, toJSON or inspection shows the secret, the signature or the body", async () => {
  const raw = signed(closedEvent());
  const v1 = dixaV1(raw, T);
  const cases: [string | Uint8Array, string, string][] = [
    [raw, `t=${T},v1=${"0".repeat(64)}`, SECRET], // bad-signature
    [`${raw} `, `t=${T},v1=${v1}`, SECRET], // bad-signature, the signature of another body
    [raw, `t=${NOW - 10 * 60_000},v1=${dixaV1(raw, String(NOW - 10 * 60_000))}`, SECRET], // too-old
    [raw, `t=${T},v1=${v1.slice(2)}`, SECRET], // malformed-header
    [signed(closedEvent({ organization: { id: 5, name: BODY_MARKER } })), "", SECRET], // malformed-body
    [signed(closedEvent({ event_version: [BODY_MARKER] })), "", SECRET], // malformed-body
    [`{"event_id": "${BODY_MARKER}", not json`, "", SECRET], // malformed-body, not JSON
    [raw, `t=${T},v1=${v1}`, `${SECRET}zz`], // WebhookSecretError
  ];
  for (const [body, given, secret] of cases) {
    const header = given || dixaSignature(body, T);
    for (const verify of [webVerify, nodeVerify]) {
      const error = await verify(body, { "x-dixa-signature": header }, secret, { now }).catch(
        (caught) => caught,
      );
      expect(error).toBeInstanceOf(Error);
      const shown = [error.message, JSON.stringify(error), inspect(error), String(error)].join("\n");
      for (const secretPart of [SECRET, SECRET.toUpperCase(), v1, header.slice(header.indexOf("v1="))]) {
        expect(shown).not.toContain(secretPart);
      }
      expect(shown).not.toContain(BODY_MARKER);
      if (typeof body === "string") expect(shown).not.toContain(body.slice(0, 24));
    }
  }
});
