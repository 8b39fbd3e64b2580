// toWebHandler and toNodeListener: the status codes a webhook sender acts on, over a facade wired to a
// scripted server with both vendors' state. The Node listener runs behind a real node:http server.
import { createServer, request as httpRequest, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, test } from "vitest";
import { CxOptionsError } from "../../src/index.js";
import { type DeliveryLog, toNodeListener, toWebHandler } from "../../src/receive/index.js";
import { delivery, eventBody, signature, WEBHOOK_SECRET } from "../support/dixa-delivery.js";
import { scenario } from "../support/fixtures.js";
import { addConversation, type World } from "../support/world.js";

const secret = { dixa: { webhookSecret: WEBHOOK_SECRET } };
const withFields = (world: World) => {
  world.contactFieldKeys = new Set(["dixa_conversation_status"]);
};
const URL_ = "http://127.0.0.1/webhooks/dixa";

function post(body: string, headers: Record<string, string> = {}): Request {
  return new Request(URL_, { method: "POST", body, headers });
}

async function dixaReceiver(options: Parameters<typeof scenario>[1] = {}) {
  const logs: (DeliveryLog & { durationMs: number })[] = [];
  const setup = await scenario(withFields, { ...secret, ...options });
  const handle = toWebHandler(setup.cx.handleDixaWebhook, { onDelivery: (log) => logs.push(log) });
  return { ...setup, handle, logs };
}

describe("toWebHandler", () => {
  test("answers 200 with the outcome for a signed delivery it handled, then 200 duplicate", async () => {
    const { handle, world, logs } = await dixaReceiver();
    const { conversationId } = addConversation(world, { state: "Closed" });
    const { body, headers } = delivery(
      eventBody(conversationId, { eventId: "0d6a1a3e-1f0e-4c55-9d0a-5b1c2d3e4f50" }),
    );

    const first = await handle(post(body, headers));
    const again = await handle(post(body, delivery(body).headers));

    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({
      status: "applied",
      eventId: "0d6a1a3e-1f0e-4c55-9d0a-5b1c2d3e4f50",
      eventFqn: "CONVERSATION_CLOSED",
      conversationId,
    });
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ status: "duplicate" });
    expect(logs.map((log) => `${log.status} ${log.outcome}`)).toEqual(["200 applied", "200 duplicate"]);
  });

  test("answers 401 to a forged or unsigned delivery and 400 to a signed body that is not an event", async () => {
    const { handle, server } = await dixaReceiver();
    const forged = delivery(eventBody(1001), "ab".repeat(32));
    const notAnEvent = '{"hello":"world"}';

    const answers = await Promise.all([
      handle(post(forged.body, forged.headers)),
      handle(post(eventBody(1001))),
      handle(post(notAnEvent, { "X-Dixa-Signature": signature(notAnEvent) })),
    ]);

    expect(answers.map((answer) => answer.status)).toEqual([401, 401, 400]);
    expect(await answers[0]?.json()).toMatchObject({
      status: "unauthorized",
      error: { name: "WebhookSignatureError", reason: "bad-signature" },
    });
    expect(server.requests).toEqual([]);
  });

  test("answers 503 with Retry-After when a vendor call failed in a way worth retrying", async () => {
    const { handle, server, world, logs } = await dixaReceiver({ retry: false });
    const { conversationId } = addConversation(world, { state: "Closed" });
    server.script({
      api: "dixa",
      path: /^\/conversations\/\d+$/,
      status: 502,
      times: 1,
      body: { message: "bad gateway" },
    });

    const answer = await handle(post(...signed(eventBody(conversationId))));

    expect(answer.status).toBe(503);
    expect(answer.headers.get("retry-after")).toBe("30");
    expect(logs[0]).toMatchObject({
      status: 503,
      outcome: "failed",
      error: { stage: "fetch-conversation", status: 502 },
      retryAfter: 30,
    });
  });

  test("answers 413 to a body past the limit without reading it, and 405 to anything but POST", async () => {
    const { cx } = await scenario(withFields, secret);
    const handle = toWebHandler(cx.handleDixaWebhook, { maxBodyBytes: 1024 });
    let pulled = 0;
    // Note: 64 KiB in chunks of 512 bytes, without a Content-Length.
    const long = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += 1;
        if (pulled > 128) controller.close();
        else controller.enqueue(new Uint8Array(512));
      },
    });

    const declared = await handle(post("x".repeat(2048)));
    const streamed = await handle(
      new Request(URL_, { method: "POST", body: long, duplex: "half" } as RequestInit),
    );
    const get = await handle(new Request(URL_));

    expect([declared.status, streamed.status, get.status]).toEqual([413, 413, 405]);
    expect(pulled).toBeLessThanOrEqual(4);
    expect(get.headers.get("allow")).toBe("POST");
  });

  test("runs Alpharun's receiver over handleAlpharunWebhook: 400 for a malformed payload", async () => {
    const { cx } = await scenario(withFields, secret);
    const handle = toWebHandler((body) => cx.handleAlpharunWebhook(body));

    const answer = await handle(post('{"event_type":"customer_interaction.updated"}'));

    expect(answer.status).toBe(400);
    expect(await answer.json()).toMatchObject({
      status: "malformed",
      error: { name: "WebhookPayloadError" },
    });
  });

  test("logs no body and no secret", async () => {
    const { handle, world, logs } = await dixaReceiver();
    const { conversationId } = addConversation(world, { state: "Closed", email: "ann@example.com" });

    await handle(post(...signed(eventBody(conversationId))));
    await handle(post("not json", { "x-dixa-signature": signature("not json") }));

    const text = JSON.stringify(logs);
    for (const leak of [WEBHOOK_SECRET, "ann@example.com", "not json", "Acme"])
      expect(text).not.toContain(leak);
  });

  test("refuses a handler or a limit that cannot work, where they are given", () => {
    expect(() => toWebHandler("handler" as never)).toThrow(CxOptionsError);
    expect(() => toWebHandler(async () => ({}), { maxBodyBytes: 0 })).toThrow(
      "toWebHandler: maxBodyBytes must be a whole number of bytes >= 1, got 0",
    );
  });
});

describe("toNodeListener", () => {
  let server: Server | undefined;
  afterEach(async () => {
    server?.closeAllConnections();
    await new Promise((closed) => server?.close(closed));
  });

  async function listen(listener: ReturnType<typeof toNodeListener>): Promise<string> {
    server = createServer(listener);
    await new Promise<void>((ready) => server?.listen(0, "127.0.0.1", ready));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  test("handles a delivery over HTTP and answers 200", async () => {
    const { cx, world } = await scenario(withFields, secret);
    const { conversationId, contactId } = addConversation(world, { state: "Closed" });
    const base = await listen(toNodeListener(cx.handleDixaWebhook));
    const [body, headers] = signed(eventBody(conversationId));

    const answer = await fetch(`${base}/webhooks/dixa`, { method: "POST", body, headers });

    expect(answer.status).toBe(200);
    expect(await answer.json()).toMatchObject({ status: "applied", conversationId });
    expect(
      world.contacts.find((contact) => contact.id === contactId)?.fields.get("dixa_conversation_status"),
    ).toBe("Closed");
  });

  test("answers 413 to a 10 MB body and closes the connection instead of reading it", async () => {
    const seen: number[] = [];
    const base = await listen(
      toNodeListener(async (body) => seen.push(body.byteLength), { onDelivery: () => {} }),
    );
    const { status, connection } = await new Promise<{
      status: number | undefined;
      connection: string | undefined;
    }>((done, fail) => {
      const sending = httpRequest(`${base}/webhooks/dixa`, {
        method: "POST",
        headers: { "content-length": 10_000_000 },
      });
      sending.on("response", (response) => {
        done({ status: response.statusCode, connection: response.headers.connection });
        response.resume();
        sending.destroy();
      });
      sending.on("error", fail);
      sending.write(new Uint8Array(64 * 1024));
    });

    expect(status).toBe(413);
    expect(connection).toBe("close");
    expect(seen).toEqual([]);
  });
});

function signed(body: string): [string, Record<string, string>] {
  const signedDelivery = delivery(body);
  return [signedDelivery.body, signedDelivery.headers];
}
