// What each client costs the CPU, without a socket: Node's global `fetch` runs whole (its Request,
// signal handling, Response and body stream) against an in-memory undici dispatcher that answers the
// interaction at once, so the loopback's system calls and the server's share of the cores drop out.
// A diagnostic beside `pnpm bench` (it is not one of its rows):
//   pnpm bench            # builds what this needs
//   node bench/lib/in-memory.mjs [calls=200] [rounds=100]
// Prints each client's median µs per call and its median ratio to plain openapi-fetch, round by round.
import { batch, interleave } from "./rounds.mjs";
import { median } from "./stats.mjs";

const [calls = 200, rounds = 100] = process.argv.slice(2).map(Number);
const { INTERACTION } = await import("./loopback-server.mjs");
const body = Buffer.from(JSON.stringify(INTERACTION));
const headers = ["content-type", "application/json", "content-length", String(body.length)].map((text) =>
  Buffer.from(text),
);
// Note: undici's dispatcher protocol (v6, Node 20's): the one `fetch` looks up under this symbol.
globalThis[Symbol.for("undici.globalDispatcher.1")] = {
  dispatch(_options, handler) {
    let aborted = false;
    handler.onConnect((error) => {
      aborted = true;
      handler.onError(error);
    });
    queueMicrotask(() => {
      if (aborted) return;
      handler.onHeaders(200, headers, () => {}, "OK");
      handler.onData(body);
      handler.onComplete([]);
    });
    return true;
  },
};

const { default: createClient } = await import("openapi-fetch");
const { createAlpharunClient } = await import("@cxkit/alpharun");
const baseUrl = "http://127.0.0.1:8080/api/v1";
const params = { path: { CUSTOMER_INTERACTION_ID: "2f9c4c1e-7a51-4a4e-9a8e-3c1f0b6d2a10" } };
const path = "/customer-interactions/{CUSTOMER_INTERACTION_ID}";
const get = (client) => async () => (await client.GET(path, { params })).data;
const clients = {
  "raw fetch": async () =>
    (await fetch(`${baseUrl}/customer-interactions/x`, { headers: { Authorization: "Bearer t" } })).json(),
  "plain openapi-fetch": get(createClient({ baseUrl, headers: { Authorization: "Bearer t" } })),
  "@cxkit/alpharun default": get(createAlpharunClient({ token: "t", baseUrl })),
  "@cxkit/alpharun timeout: false": get(createAlpharunClient({ token: "t", baseUrl, timeout: false })),
};

const names = Object.keys(clients);
for (const name of names) {
  if ((await clients[name]())?.data?.customer_interaction?.id !== "abc123")
    throw new Error(`${name}: no body`);
  await batch(clients[name], 2000);
}
const micros = await interleave(names, rounds, (name) => batch(clients[name], calls));
const plain = micros["plain openapi-fetch"];
for (const name of names) {
  const ratio = median(micros[name].map((value, round) => value / plain[round]));
  console.log(
    `${name.padEnd(32)} ${median(micros[name]).toFixed(1)} µs  ${ratio.toFixed(3)}x plain openapi-fetch`,
  );
}
