// A local stand-in for both vendors, on loopback: answers a few read operations of each API with
// bodies that match our specs, or that drift on demand, for the drift tests and the live-run test.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

export type Api = "alpharun" | "dixa";
export type Drift = (typeof DRIFTS)[number];
type Item = Record<string, unknown> & { custom_fields?: Record<string, unknown>[] };

/** The drifts the fake vendor can make, on `GET /customer-interactions/{id}` and `GET /tags/{id}`. */
export const DRIFTS = [
  "renamed-field",
  "type-change",
  "enum-value",
  "extra-field",
  "missing-envelope",
] as const;

// Note: every free-text value carries `pii-` (ids are UUIDs the tests look for), so a test can prove
// no value reaches a drift event.
export const IDS = {
  contact: "0b9c8d7e-6f5a-4b3c-9d2e-1f0a9b8c7d6e",
  interaction: "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d",
  agent: "2f1d3c4b-5a69-4788-9a0b-1c2d3e4f5a6b",
  tag: "7e8f9a0b-1c2d-4e3f-8a5b-6c7d8e9f0a1b",
};

const contact = () => ({ id: IDS.contact, email: "pii-jane@example.com", first_name: "pii-Jane" });
const interaction = (): Item => ({
  id: IDS.interaction,
  summary: "pii-the customer asked about an invoice",
  custom_fields: [{ key: "pii-priority", name: "pii-Priority", type: "text", value: "pii-high" }],
});
const agent = () => ({
  id: IDS.agent,
  createdAt: "pii-2024-01-01",
  displayName: "pii-Agent Smith",
  email: "pii-agent@example.com",
});
const tag = (): Item => ({ id: IDS.tag, name: "pii-vip", state: "Active", color: "pii-red" });

/** Applies drifts to one API's drifting body, `{ data: item }`. */
const DRIFTERS: Record<Api, Partial<Record<Drift, (item: Item) => void>>> = {
  alpharun: {
    "renamed-field": (item) => {
      item.interaction_id = item.id;
      delete item.id;
    },
    "type-change": (item) => {
      item.summary = 4242;
    },
    "enum-value": (item) => {
      const [field] = item.custom_fields ?? [];
      if (field) field.type = "pii-currency";
    },
    "extra-field": (item) => {
      item.sentiment = "pii-positive";
    },
  },
  dixa: {
    "renamed-field": (item) => {
      item.label = item.name;
      delete item.name;
    },
    "type-change": (item) => {
      item.color = 4242;
    },
    "enum-value": (item) => {
      item.state = "pii-Archived";
    },
    "extra-field": (item) => {
      item.usageCount = 4242;
    },
  },
};

function drifted(api: Api, wrap: (item: Item) => unknown, item: Item, drifts: readonly Drift[]): unknown {
  for (const drift of drifts) DRIFTERS[api][drift]?.(item);
  return drifts.includes("missing-envelope") ? item : wrap(item);
}

/** Each GET route: `[api, path pattern, body(drifts)]`. */
const ROUTES: [Api, RegExp, (drifts: readonly Drift[]) => unknown][] = [
  ["alpharun", /^\/contacts$/, () => ({ data: { contacts: [contact()] }, next_cursor: null })],
  ["alpharun", /^\/contacts\/[^/]+$/, () => contact()],
  [
    "alpharun",
    /^\/contacts\/[^/]+\/customer-interactions$/,
    () => ({ data: { customer_interactions: [interaction()] }, next_cursor: null }),
  ],
  [
    "alpharun",
    /^\/customer-interactions\/[^/]+\/transcripts$/,
    () => ({
      data: {
        customer_interaction: {
          id: IDS.interaction,
          transcripts: [{ date: "2026-11-02T10:00:00Z", duration: 61, transcript: "pii-Agent: hello" }],
        },
      },
    }),
  ],
  [
    "alpharun",
    /^\/customer-interactions\/[^/]+$/,
    (drifts) =>
      drifted("alpharun", (item) => ({ data: { customer_interaction: item } }), interaction(), drifts),
  ],
  ["dixa", /^\/agents$/, () => ({ data: [agent()], meta: { next: null } })],
  ["dixa", /^\/agents\/[^/]+$/, () => ({ data: agent() })],
  ["dixa", /^\/tags$/, () => ({ data: [tag()] })],
  ["dixa", /^\/tags\/[^/]+$/, (drifts) => drifted("dixa", (item) => ({ data: item }), tag(), drifts)],
];

/**
 * Starts the fake vendor on 127.0.0.1 (a free port). Alpharun lives under `/alpharun`, Dixa under
 * `/dixa`; `drift(api, [...])` sets that API's drifts (none at first). `close()` stops it.
 */
export interface FakeVendor {
  /** e.g. `http://127.0.0.1:41234`; Alpharun's base URL is `${url}/alpharun`, Dixa's `${url}/dixa` */
  url: string;
  /** every request so far, as `"GET /dixa/tags"` */
  requests: string[];
  drift(api: Api, drifts: readonly Drift[]): void;
  close(): Promise<void>;
}

export async function startFakeVendor(): Promise<FakeVendor> {
  const drifts: Record<Api, readonly Drift[]> = { alpharun: [], dixa: [] };
  const requests: string[] = [];
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? "/", "http://127.0.0.1");
    requests.push(`${request.method} ${url.pathname}`);
    const [, api, ...rest] = url.pathname.split("/");
    const path = `/${rest.join("/")}`;
    const route = ROUTES.find(([name, pattern]) => name === api && pattern.test(path));
    if (request.method !== "GET" || !route) {
      response.writeHead(404, { "content-type": "application/json" });
      response.end(JSON.stringify({ message: "not found" }));
      return;
    }
    response.writeHead(200, { "content-type": "application/json" });
    response.end(JSON.stringify(route[2](drifts[api as Api])));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    drift(api, list) {
      drifts[api] = [...list];
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
