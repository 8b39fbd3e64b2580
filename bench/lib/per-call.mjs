// Per-call overhead: sequential GETs and PATCHes to a loopback keep-alive server (its own process),
// through each client, interleaved round by round. Prints one JSON object on stdout.
// Run as a child process: `node lib/per-call.mjs <calls> <rounds> <warmup>`.
import { fork } from "node:child_process";
import { fileURLToPath } from "node:url";
import { heyApiModule } from "./alternative.mjs";
import { batch, interleave } from "./rounds.mjs";

const [calls = 5000, rounds = 5, warmup = 500] = process.argv.slice(2).map(Number);
const TOKEN = "bench-token";
const ID = "2f9c4c1e-7a51-4a4e-9a8e-3c1f0b6d2a10";
const PATCH_BODY = { custom_fields: [{ key: "dixa_conversation_id", value: "100" }] };

const serverProcess = fork(fileURLToPath(new URL("./loopback-server.mjs", import.meta.url)), {
  stdio: "inherit",
  execArgv: [],
});
const base = await new Promise((resolve, reject) => {
  serverProcess.once("message", (message) => resolve(message.url));
  serverProcess.once("exit", (code) => reject(new Error(`loopback server exited (${code})`)));
});
const baseUrl = `${base}/api/v1`;
const url = `${baseUrl}/customer-interactions/${ID}`;

// Note: global fetch is called before anything imports the npm `undici`, so Node's fetch keeps its
// own connection pool (importing undici first would silently replace it: TOOLCHAIN.md).
await (await fetch(url, { headers: { Authorization: `Bearer ${TOKEN}` } })).json();

const { default: createClient } = await import("openapi-fetch");
const { createAlpharunClient } = await import("@cxkit/alpharun");
const { validateAlpharunResponses } = await import("@cxkit/alpharun/validate");
const { createUndiciFetch } = await import("@cxkit/runtime/undici");
const { createRuntime, LiteRequest } = await import("@cxkit/runtime");
const heyApi = await import(heyApiModule);
const undici = await import("undici");

const auth = { Authorization: `Bearer ${TOKEN}` };
const jsonHeaders = { ...auth, "Content-Type": "application/json" };
const params = { path: { CUSTOMER_INTERACTION_ID: ID } };
const plain = createClient({ baseUrl, headers: auth });
const cxFetch = createAlpharunClient({ token: TOKEN, baseUrl });
const cxNoTimeout = createAlpharunClient({ token: TOKEN, baseUrl, timeout: false });
const cxReport = createAlpharunClient({ token: TOKEN, baseUrl });
let drifts = 0;
cxReport.use(
  validateAlpharunResponses({
    mode: "report",
    sampleRate: 1,
    onDrift: () => {
      drifts++;
    },
  }),
);
// The cost rows: what each part of the default client costs, measured on its own.
const withMiddleware = createClient({ baseUrl, headers: auth });
withMiddleware.use({ onResponse: () => undefined });
const runtimeNoTimeout = createRuntime({ timeout: false });
const runtimeDefault = createRuntime();
/** One call through a runtime's `fetch` alone (its attempt loop, deadline, read body), as openapi-fetch makes it. */
const runtimeCall = (runtime, method) => async () => {
  const init =
    method === "get"
      ? { method: "GET", headers: new Headers(auth) }
      : { method: "PATCH", headers: new Headers(jsonHeaders), body: JSON.stringify(PATCH_BODY) };
  return (await runtime.fetch(new LiteRequest(url, { redirect: "follow", ...init }))).json();
};
const undiciFetch = createUndiciFetch();
const cxUndici = createAlpharunClient({ token: TOKEN, baseUrl, fetch: undiciFetch });
heyApi.client.setConfig({ baseUrl, auth: TOKEN });
const agent = new undici.Agent();

async function withTimeout(send) {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), 60_000);
  try {
    return await (await send(controller.signal)).json();
  } finally {
    clearTimeout(timer);
  }
}

/** Each client: one GET and one PATCH, each resolving to the parsed body. */
export const clients = {
  fetch: {
    get: async () => (await fetch(url, { headers: auth })).json(),
    patch: async () =>
      (await fetch(url, { method: "PATCH", headers: jsonHeaders, body: JSON.stringify(PATCH_BODY) })).json(),
  },
  // What a signal costs raw fetch: a new AbortController per call (Node 20 makes each one transferable)
  // and what Node's fetch does with a signal it is given.
  "fetch+signal": {
    get: async () => (await fetch(url, { headers: auth, signal: new AbortController().signal })).json(),
    patch: async () =>
      (
        await fetch(url, {
          method: "PATCH",
          headers: jsonHeaders,
          body: JSON.stringify(PATCH_BODY),
          signal: new AbortController().signal,
        })
      ).json(),
  },
  // What enforcing a timeout costs raw fetch: an AbortController and a timer per call, as the runtime did.
  "fetch+timeout": {
    get: () => withTimeout((signal) => fetch(url, { headers: auth, signal })),
    patch: () =>
      withTimeout((signal) =>
        fetch(url, { method: "PATCH", headers: jsonHeaders, body: JSON.stringify(PATCH_BODY), signal }),
      ),
  },
  "openapi-fetch": {
    get: async () => (await plain.GET("/customer-interactions/{CUSTOMER_INTERACTION_ID}", { params })).data,
    patch: async () =>
      (await plain.PATCH("/customer-interactions/{CUSTOMER_INTERACTION_ID}", { params, body: PATCH_BODY }))
        .data,
  },
  // openapi-fetch's own cost of running a middleware (an id, frozen options, the onResponse loop).
  "openapi-fetch+middleware": {
    get: async () =>
      (await withMiddleware.GET("/customer-interactions/{CUSTOMER_INTERACTION_ID}", { params })).data,
    patch: async () =>
      (
        await withMiddleware.PATCH("/customer-interactions/{CUSTOMER_INTERACTION_ID}", {
          params,
          body: PATCH_BODY,
        })
      ).data,
  },
  // The runtime's fetch alone, without openapi-fetch: the attempt loop and the response read and wrapped.
  "runtime-fetch-no-timeout": {
    get: runtimeCall(runtimeNoTimeout, "get"),
    patch: runtimeCall(runtimeNoTimeout, "patch"),
  },
  // The same with its default deadline: a reused signal and the shared timer.
  "runtime-fetch": { get: runtimeCall(runtimeDefault, "get"), patch: runtimeCall(runtimeDefault, "patch") },
  "cxkit-fetch": {
    get: async () => (await cxFetch.GET("/customer-interactions/{CUSTOMER_INTERACTION_ID}", { params })).data,
    patch: async () =>
      (await cxFetch.PATCH("/customer-interactions/{CUSTOMER_INTERACTION_ID}", { params, body: PATCH_BODY }))
        .data,
  },
  "cxkit-fetch-no-timeout": {
    get: async () =>
      (await cxNoTimeout.GET("/customer-interactions/{CUSTOMER_INTERACTION_ID}", { params })).data,
    patch: async () =>
      (
        await cxNoTimeout.PATCH("/customer-interactions/{CUSTOMER_INTERACTION_ID}", {
          params,
          body: PATCH_BODY,
        })
      ).data,
  },
  "cxkit-fetch-report": {
    get: async () =>
      (await cxReport.GET("/customer-interactions/{CUSTOMER_INTERACTION_ID}", { params })).data,
    patch: async () =>
      (await cxReport.PATCH("/customer-interactions/{CUSTOMER_INTERACTION_ID}", { params, body: PATCH_BODY }))
        .data,
  },
  "cxkit-undici": {
    get: async () =>
      (await cxUndici.GET("/customer-interactions/{CUSTOMER_INTERACTION_ID}", { params })).data,
    patch: async () =>
      (await cxUndici.PATCH("/customer-interactions/{CUSTOMER_INTERACTION_ID}", { params, body: PATCH_BODY }))
        .data,
  },
  "hey-api": {
    get: async () => (await heyApi.getCustomerInteraction({ path: params.path })).data,
    patch: async () => (await heyApi.updateCustomerInteraction({ path: params.path, body: PATCH_BODY })).data,
  },
  "undici.request": {
    get: async () => (await undici.request(url, { dispatcher: agent, headers: auth })).body.json(),
    patch: async () =>
      (
        await undici.request(url, {
          dispatcher: agent,
          method: "PATCH",
          headers: jsonHeaders,
          body: JSON.stringify(PATCH_BODY),
        })
      ).body.json(),
  },
};

// Every client must really fetch and parse the interaction before it is timed.
for (const [name, client] of Object.entries(clients)) {
  for (const method of ["get", "patch"]) {
    const data = await client[method]();
    if (data?.data?.customer_interaction?.id !== "abc123")
      throw new Error(`${name} ${method}: unexpected body`);
  }
}

// Note: both answers match the spec, so "report" pays for validation only, never for drift events.
if (drifts > 0) throw new Error(`cxkit-fetch-report: ${drifts} drift events on answers that match the spec`);

const names = Object.keys(clients);
const results = { calls, rounds, warmup, get: {}, patch: {} };
for (const method of ["get", "patch"]) {
  for (const name of names) await batch(clients[name][method], warmup);
  results[method] = await interleave(names, rounds, (name) => batch(clients[name][method], calls));
}

// Head to head: the default client, plain openapi-fetch and the default client with `timeout: false`
// alone, in short batches taking turns (the order rotates), ten times as many rounds; the load of the
// moment weighs on all three alike, so their ratios are the tightest measures this machine gives (the
// rows "default vs plain openapi-fetch" and "default vs timeout: false").
const trio = ["openapi-fetch", "cxkit-fetch", "cxkit-fetch-no-timeout"];
const pair = { rounds: rounds * 10, calls: Math.max(5, Math.round(calls / 10)), get: {}, patch: {} };
for (const method of ["get", "patch"]) {
  pair[method] = await interleave(trio, pair.rounds, (name) => batch(clients[name][method], pair.calls));
}
results.headToHead = pair;

await undiciFetch.close();
await agent.close();
serverProcess.disconnect();
process.stdout.write(`${JSON.stringify(results)}\n`);
