// Webhook verification: `verifyDixaWebhook` on a 10 KB delivery against a bare node:crypto
// HMAC-SHA256 of the same bytes, in CPU time, interleaved round by round. Prints one JSON object on stdout.
// Run as a child process: `node lib/webhook-verify.mjs <calls> <rounds> <warmup>`.
import { createHmac } from "node:crypto";
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import { interleave } from "./rounds.mjs";

const [calls = 2000, rounds = 20, warmup = 2000] = process.argv.slice(2).map(Number);
const SECRET = "4f1c9a7be2d05836c1aa9e0f7d3b52c4e8a61f09b7d2c35e4a8f6b1d0c9e7a23";
const NOW = 1_736_933_400_000;
const T = String(NOW);

// Note: "@cxkit/dixa/webhooks" resolves to the `node` condition here (node:crypto); the default
// entry (Web Crypto, what workers and browsers get) is imported by its file for comparison.
const nodeEntry = await import("@cxkit/dixa/webhooks");
const defaultFile = createRequire(import.meta.url)
  .resolve("@cxkit/dixa/webhooks")
  .replace(/index\.node\.js$/, "index.js");
const webEntry = await import(pathToFileURL(defaultFile).href);

/** A `CONVERSATION_MESSAGE_ADDED` delivery of `bytes` bytes: an email's text, as most large deliveries are. */
export function delivery(bytes) {
  const event = (text) => ({
    event_id: "8967e0c6-fe64-4105-bf71-14ae0c256aa4",
    event_fqn: "CONVERSATION_MESSAGE_ADDED",
    event_version: "1",
    event_timestamp: "2025-01-15T09:30:00.000Z",
    organization: { id: "61b15dc2-bba8-48a8-a92e-852014a166e9", name: "Acme" },
    data: {
      conversation: {
        csid: 4242,
        channel: "EMAIL",
        status: "OPEN",
        direction: "INBOUND",
        requester: { id: "ec4a2b65-0403-42b3-b054-8998325fd8ac", name: "Ada", email: "ada@example.com" },
        assignee: null,
        tags: [{ id: "5e6f7a8b-9c0d-4e1f-a2b3-c4d5e6f7a8b9", name: "vip", is_deactivated: false }],
      },
      message_id: "ac951357-5189-4707-add7-616af55698a7",
      direction: "inbound",
      created_at: "2025-01-15T09:29:59.100Z",
      text,
      content: { content_type: "Text", text },
    },
  });
  // Note: an email's lines (each newline is two bytes in JSON); the text is cut so the body is
  // `bytes` long, to the byte or one short.
  const line = "Hello, my order #12345 has not arrived yet and the tracking page shows no update.\n";
  const full = line.repeat(Math.ceil(bytes / line.length));
  let low = 0;
  let high = full.length;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (JSON.stringify(event(full.slice(0, middle))).length <= bytes) low = middle;
    else high = middle - 1;
  }
  const text = full.slice(0, low);
  return Buffer.from(JSON.stringify(event(text)));
}

const body = delivery(10 * 1024);
const key = Buffer.from(SECRET, "hex");
const headers = {
  "content-type": "application/json",
  "x-dixa-signature": `t=${T},v1=${createHmac("sha256", key).update(`${T}.`).update(body).digest("hex")}`,
};
const options = { now: () => NOW };

export const runs = {
  hmac: () => createHmac("sha256", key).update(`${T}.`).update(body).digest(),
  "verify-node": () => nodeEntry.verifyDixaWebhook(body, headers, SECRET, options),
  "verify-web": () => webEntry.verifyDixaWebhook(body, headers, SECRET, options),
};

// Every run must really verify the delivery before it is timed.
for (const [name, run] of Object.entries(runs)) {
  const result = await run();
  if (name !== "hmac" && result?.event_fqn !== "CONVERSATION_MESSAGE_ADDED")
    throw new Error(`${name}: no event`);
}

/**
 * CPU µs per call over `n` sequential calls: the process's user + system time (Web Crypto's thread
 * pool included). Note: CPU time, not wall time, so the waits of a busy shared machine do not count.
 */
async function batch(fn, n) {
  const started = process.cpuUsage();
  for (let i = 0; i < n; i++) await fn();
  const { user, system } = process.cpuUsage(started);
  return (user + system) / n;
}

const names = Object.keys(runs);
for (const name of names) await batch(runs[name], warmup);
const results = {
  calls,
  rounds,
  warmup,
  bytes: body.length,
  ...(await interleave(names, rounds, (name) => batch(runs[name], calls))),
};
process.stdout.write(`${JSON.stringify(results)}\n`);
