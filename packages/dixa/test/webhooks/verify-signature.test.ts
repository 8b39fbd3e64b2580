// verifyDixaWebhook against deliveries signed here by Dixa's documented recipe (dixa-recipe.ts), for
// both signature checks: Web Crypto (the default entry) and node:crypto (the `node` entry).
import { describe, expect, test } from "vitest";
import { verifyDixaWebhook as webVerify } from "../../src/webhooks/index.js";
import { verifyDixaWebhook as nodeVerify } from "../../src/webhooks/index.node.js";
import { closedEvent, dixaSignature, dixaV1, SECRET } from "./dixa-recipe.js";

const NOW = 1_736_933_400_000; // 2025-01-15T09:30:00Z, in ms
const now = () => NOW;
const body = JSON.stringify(closedEvent());
const T = String(NOW);

describe.each([
  ["Web Crypto", webVerify],
  ["node:crypto", nodeVerify],
])("verifyDixaWebhook (%s)", (_, verify) => {
  const reasonOf = async (
    body: string | Uint8Array,
    headers: Parameters<typeof verify>[1],
    options: { now?: () => number; toleranceSeconds?: number } = {},
    secret = SECRET,
  ) => {
    const error = await verify(body, headers, secret, { now, ...options }).then(
      () => "accepted",
      (caught: { reason?: string }) => caught.reason ?? String(caught),
    );
    return error;
  };

  test("accepts a valid delivery and returns its typed event", async () => {
    const event = await verify(body, { "x-dixa-signature": dixaSignature(body, T) }, SECRET, { now });
    expect(event).toMatchObject({ kind: "known-event", event_fqn: "CONVERSATION_CLOSED" });
    if (event.kind === "known-event" && event.event_fqn === "CONVERSATION_CLOSED") {
      expect(event.data.conversation.csid).toBe(4242);
    }
  });

  test("accepts the body as bytes, signed over the same bytes", async () => {
    const bytes = new TextEncoder().encode(body);
    const event = await verify(bytes, { "x-dixa-signature": dixaSignature(bytes, T) }, SECRET, { now });
    expect(event.event_id).toBe("7a3e9b1c-2d4f-4a6b-8c0d-1e2f3a4b5c6d");
  });

  test("reads t in milliseconds (Dixa's form) and in seconds", async () => {
    expect(await reasonOf(body, { "x-dixa-signature": dixaSignature(body, T) })).toBe("accepted");
    const seconds = String(NOW / 1000);
    expect(await reasonOf(body, { "x-dixa-signature": dixaSignature(body, seconds) })).toBe("accepted");
    const staleSeconds = String(NOW / 1000 - 301);
    expect(await reasonOf(body, { "x-dixa-signature": dixaSignature(body, staleSeconds) })).toBe("too-old");
  });

  test("refuses a body with one changed byte or reformatted whitespace", async () => {
    const header = { "x-dixa-signature": dixaSignature(body, T) };
    expect(await reasonOf(body.replace("4242", "4243"), header)).toBe("bad-signature");
    expect(await reasonOf(`${body} `, header)).toBe("bad-signature");
    expect(await reasonOf(JSON.stringify(JSON.parse(body), null, 2), header)).toBe("bad-signature");
    const bytes = new TextEncoder().encode(body);
    const last = bytes.length - 2;
    bytes[last] = (bytes[last] ?? 0) ^ 1;
    expect(await reasonOf(bytes, header)).toBe("bad-signature");
  });

  test("refuses a wrong secret, the secret used as text, and a signature without the `t.` prefix", async () => {
    const other = "0".repeat(64);
    expect(await reasonOf(body, { "x-dixa-signature": dixaSignature(body, T) }, {}, other)).toBe(
      "bad-signature",
    );
    const asText = dixaSignature(body, T, { key: Buffer.from(SECRET, "utf8") });
    expect(await reasonOf(body, { "x-dixa-signature": asText })).toBe("bad-signature");
    const noPrefix = dixaSignature(body, T, { signed: (_t, raw) => Buffer.from(raw) });
    expect(await reasonOf(body, { "x-dixa-signature": noPrefix })).toBe("bad-signature");
    const otherT = `t=${NOW - 1000},v1=${dixaV1(body, T)}`;
    expect(await reasonOf(body, { "x-dixa-signature": otherT })).toBe("bad-signature");
  });

  test.each([
    ["no header", {}, "missing-header"],
    ["an empty header", { "x-dixa-signature": "" }, "missing-header"],
    ["a blank header", { "x-dixa-signature": "   " }, "missing-header"],
    ["a garbled header", { "x-dixa-signature": "garbage" }, "malformed-header"],
    ["no v1", { "x-dixa-signature": `t=${T}` }, "malformed-header"],
    ["no t", { "x-dixa-signature": `v1=${dixaV1(body, T)}` }, "malformed-header"],
    ["t twice", { "x-dixa-signature": `t=${T},t=${T},v1=${dixaV1(body, T)}` }, "malformed-header"],
    ["a t that is not a number", { "x-dixa-signature": `t=now,v1=${dixaV1(body, T)}` }, "malformed-header"],
    ["a v1 that is not hex", { "x-dixa-signature": `t=${T},v1=${"z".repeat(64)}` }, "malformed-header"],
    ["a short v1", { "x-dixa-signature": `t=${T},v1=${dixaV1(body, T).slice(1)}` }, "malformed-header"],
    ["upper-case keys", { "x-dixa-signature": `T=${T},V1=${dixaV1(body, T)}` }, "malformed-header"],
  ])("refuses %s", async (_, headers, reason) => {
    expect(await reasonOf(body, headers)).toBe(reason);
  });

  test("accepts v1 in upper case, spaces after commas, and several v1 of which one matches", async () => {
    const v1 = dixaV1(body, T);
    expect(await reasonOf(body, { "x-dixa-signature": `t=${T},v1=${v1.toUpperCase()}` })).toBe("accepted");
    expect(await reasonOf(body, { "x-dixa-signature": `t=${T}, v1=${v1}` })).toBe("accepted");
    const wrong = "0".repeat(64);
    expect(await reasonOf(body, { "x-dixa-signature": `t=${T},v1=${wrong},v1=${v1}` })).toBe("accepted");
    expect(await reasonOf(body, { "x-dixa-signature": `t=${T},v1=${wrong}` })).toBe("bad-signature");
  });

  test("finds the header in any case, in Headers and in plain objects", async () => {
    const value = dixaSignature(body, T);
    for (const name of ["X-DIXA-SIGNATURE", "x-dixa-signature", "X-Dixa-Signature"]) {
      expect(await reasonOf(body, { [name]: value })).toBe("accepted");
      expect(await reasonOf(body, new Headers({ [name]: value }))).toBe("accepted");
    }
    expect(await reasonOf(body, { "X-Dixa-Signature": [value] })).toBe("accepted");
    const twice = { "X-Dixa-Signature": value, "x-dixa-signature": dixaSignature(body, String(NOW - 1)) };
    expect(await reasonOf(body, twice)).toBe("malformed-header");
  });

  test("keeps a timestamp just inside the tolerance on both sides, and refuses one just outside", async () => {
    const at = (offsetMs: number) => ({ "x-dixa-signature": dixaSignature(body, String(NOW + offsetMs)) });
    expect(await reasonOf(body, at(-300_000))).toBe("accepted");
    expect(await reasonOf(body, at(-300_001))).toBe("too-old");
    expect(await reasonOf(body, at(300_000))).toBe("accepted");
    expect(await reasonOf(body, at(300_001))).toBe("too-new");
    expect(await reasonOf(body, at(-10_001), { toleranceSeconds: 10 })).toBe("too-old");
    expect(await reasonOf(body, at(-10_000), { toleranceSeconds: 10 })).toBe("accepted");
  });

  test("verifies a 10 MB body, and refuses it with its last byte changed", async () => {
    const big = JSON.stringify(
      closedEvent({ data: { conversation: { csid: 1 }, note: "x".repeat(10 * 2 ** 20) } }),
    );
    const header = { "x-dixa-signature": dixaSignature(big, T) };
    expect(await reasonOf(big, header)).toBe("accepted");
    expect(await reasonOf(`${big.slice(0, -1)} `, header)).toBe("bad-signature");
  });
});
