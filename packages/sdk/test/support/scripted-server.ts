// A node:http server on 127.0.0.1 that plays the parts of Alpharun (under /alpharun) and Dixa
// (under /dixa) the SDK uses, keeps their state in a World, records every request, and can be
// scripted to answer some requests differently (429 bursts) or to hold them (to kill a client mid-run).
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { type Answer, contactRoute, conversationRoute } from "./reverse-routes.js";
import type { World } from "./world.js";

export interface RecordedRequest {
  api: "alpharun" | "dixa";
  method: string;
  /** path below the API's base, e.g. `/conversations/1001/custom-attributes` */
  path: string;
  query: URLSearchParams;
  body: unknown;
  headers: IncomingMessage["headers"];
  /** ms since the server started */
  at: number;
  /** the status answered (undefined while held) */
  status?: number;
}

export interface ScriptRule {
  api?: "alpharun" | "dixa";
  method?: string;
  path?: RegExp;
  /** matches only requests for which this returns true (default: any) */
  when?: (request: RecordedRequest) => boolean;
  /** let this many matching requests through before the rule applies (default 0) */
  after?: number;
  /** how many requests the rule answers (default: every one) */
  times?: number;
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

export interface ScriptedServer {
  /** base URLs to pass as `baseUrl` */
  readonly alpharunUrl: string;
  readonly dixaUrl: string;
  readonly world: World;
  readonly requests: RecordedRequest[];
  /** answers matching requests from the rule instead of the world */
  script(rule: ScriptRule): void;
  /** from now on, leaves every request unanswered and unapplied until `release()` */
  hold(): void;
  /** drops the held requests (their clients are gone or get a reset) and serves normally again */
  release(): void;
  /** calls `callback` once when a request matching `filter` has been answered `count` times */
  onAnswered(filter: (request: RecordedRequest) => boolean, count: number, callback: () => void): void;
  close(): Promise<void>;
}

export const ALPHARUN_TOKEN = "alpharun-test-token";
export const DIXA_KEY = "dixa-test-key";
const PAGE_SIZE = 2;

export async function startScriptedServer(
  world: World,
  options: { latencyMs?: number } = {},
): Promise<ScriptedServer> {
  const started = Date.now();
  const requests: RecordedRequest[] = [];
  const rules: { rule: ScriptRule; seen: number; answered: number }[] = [];
  const watchers: {
    filter: (r: RecordedRequest) => boolean;
    count: number;
    seen: number;
    callback: () => void;
  }[] = [];
  let holding = false;
  const held: ServerResponse[] = [];

  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const [, api, ...rest] = url.pathname.split("/");
    const raw = await readBody(req);
    const recorded: RecordedRequest = {
      api: api === "dixa" ? "dixa" : "alpharun",
      method: req.method ?? "GET",
      path: `/${rest.join("/")}`,
      query: url.searchParams,
      body: raw === "" ? undefined : safeJson(raw),
      headers: req.headers,
      at: Date.now() - started,
    };
    requests.push(recorded);
    if (holding) {
      held.push(res);
      return;
    }
    if (options.latencyMs) await new Promise((wake) => setTimeout(wake, options.latencyMs));
    const answer = scripted(recorded) ?? route(world, recorded);
    recorded.status = answer.status;
    res.writeHead(answer.status, { "content-type": "application/json", ...answer.headers });
    res.end(answer.body === undefined ? "" : JSON.stringify(answer.body));
    for (const watcher of watchers) {
      if (watcher.seen < watcher.count && watcher.filter(recorded)) {
        watcher.seen += 1;
        if (watcher.seen === watcher.count) watcher.callback();
      }
    }
  });

  const scripted = (request: RecordedRequest): Answer | undefined => {
    for (const entry of rules) {
      const { rule } = entry;
      if (rule.api && rule.api !== request.api) continue;
      if (rule.method && rule.method !== request.method) continue;
      if (rule.path && !rule.path.test(request.path)) continue;
      if (rule.when && !rule.when(request)) continue;
      entry.seen += 1;
      if (entry.seen <= (rule.after ?? 0)) continue;
      if (rule.times !== undefined && entry.answered >= rule.times) continue;
      entry.answered += 1;
      return { status: rule.status, headers: rule.headers, body: rule.body };
    }
    return undefined;
  };

  await new Promise<void>((listening) => server.listen(0, "127.0.0.1", listening));
  const { port } = server.address() as AddressInfo;
  const base = `http://127.0.0.1:${port}`;
  return {
    alpharunUrl: `${base}/alpharun`,
    dixaUrl: `${base}/dixa`,
    world,
    requests,
    script: (rule) => rules.push({ rule, seen: 0, answered: 0 }),
    hold: () => {
      holding = true;
    },
    release: () => {
      holding = false;
      for (const res of held.splice(0)) res.destroy();
    },
    onAnswered: (filter, count, callback) => watchers.push({ filter, count, seen: 0, callback }),
    close: () =>
      new Promise((closed) => {
        for (const res of held.splice(0)) res.destroy();
        server.closeAllConnections();
        server.close(() => closed());
      }),
  };
}

function route(world: World, request: RecordedRequest): Answer {
  if (request.api === "alpharun") {
    if (request.headers.authorization !== `Bearer ${ALPHARUN_TOKEN}`) return { status: 401 };
    return alpharun(world, request);
  }
  if (request.headers.authorization !== DIXA_KEY) return { status: 401, body: { message: "Unauthorized" } };
  return dixa(world, request);
}

const notFound = (message: string): Answer => ({ status: 404, body: { error: 404, message } });

function alpharun(world: World, request: RecordedRequest): Answer {
  const { method, path, query, body } = request;
  const contact = contactRoute(world, request);
  if (contact) return contact;
  let match = /^\/customer-interactions\/([^/]+)$/.exec(path);
  if (match) {
    const interaction = world.interactions.get(decodeURIComponent(match[1] ?? ""));
    if (!interaction) return notFound("Customer interaction not found");
    if (method === "GET") return { status: 200, body: { data: { customer_interaction: interaction } } };
    if (method === "PATCH") {
      const fields = (body as { custom_fields?: { key: string; value: unknown }[] })?.custom_fields;
      if (!Array.isArray(fields))
        return { status: 400, body: { error: 400, message: "Bad request: invalid payload" } };
      const stored = interaction.custom_fields ?? [];
      let changed = false;
      for (const { key, value } of fields) {
        if (!world.interactionFieldKeys.has(key)) continue; // Alpharun ignores unknown keys
        const existing = stored.find((field) => field.key === key);
        changed ||= existing?.value !== value;
        if (existing) existing.value = value as string;
        else stored.push({ key, name: key, type: "text", value: value as string });
      }
      interaction.custom_fields = stored.length > 0 ? stored : null;
      world.onWrite?.({ api: "alpharun", kind: "interaction", id: interaction.id, changed });
      return {
        status: 200,
        body: {
          data: { customer_interaction: { id: interaction.id, custom_fields: interaction.custom_fields } },
        },
      };
    }
  }
  match = /^\/contacts\/([^/]+)\/customer-interactions$/.exec(path);
  if (match && method === "GET") {
    const ids = world.contactInteractions.get(decodeURIComponent(match[1] ?? ""));
    if (!ids) return notFound("Contact not found");
    const limit = Number(query.get("limit") ?? 20);
    const offset = Number(query.get("cursor") ?? 0);
    const page = ids.slice(offset, offset + limit).map((id) => world.interactions.get(id));
    const next = offset + limit < ids.length ? String(offset + limit) : null;
    return { status: 200, body: { data: { customer_interactions: page }, next_cursor: next } };
  }
  return notFound("No such route");
}

function dixa(world: World, request: RecordedRequest): Answer {
  const { method, path, query, body } = request;
  const read = conversationRoute(world, request);
  if (read) return read;
  const dixaNotFound = { status: 404, body: { message: "An entity in this request could not be found" } };
  if (method === "GET" && path === "/custom-attributes")
    return { status: 200, body: { data: world.attributes } };
  if (method === "GET" && path === "/endusers") {
    const email = query.get("email");
    const phone = query.get("phone");
    const externalId = query.get("externalId");
    const found = world.endUsers.filter(
      (user) =>
        (email === null || user.email === email) &&
        (phone === null || user.phoneNumber === phone) &&
        (externalId === null || user.externalId === externalId),
    );
    return { status: 200, body: { data: found.slice(0, Number(query.get("pageLimit") ?? 50)), meta: {} } };
  }
  let match = /^\/endusers\/([^/]+)\/conversations$/.exec(path);
  if (match && method === "GET") {
    const userId = decodeURIComponent(match[1] ?? "");
    const all = [...world.conversations.values()].filter(
      (conversation) => conversation.requesterId === userId,
    );
    const offset = Number(query.get("pageKey") ?? 0);
    const next = offset + PAGE_SIZE < all.length ? `/beta${path}?pageKey=${offset + PAGE_SIZE}` : null;
    const data = all.slice(offset, offset + PAGE_SIZE).map(({ id, requesterId, createdAt }) => ({
      id,
      requesterId,
      createdAt,
      channel: "Email",
      _type: "EmailConversation",
    }));
    return { status: 200, body: { data, meta: { next } } };
  }
  match = /^\/conversations\/(\d+)(\/custom-attributes)?$/.exec(path);
  if (match) {
    const conversation = world.conversations.get(Number(match[1]));
    if (!conversation) return dixaNotFound;
    if (method === "GET" && !match[2]) {
      const { id, requesterId, createdAt, state = "Open" } = conversation;
      const customAttributes = describeAttributes(world, conversation.attributes);
      return {
        status: 200,
        body: { data: { id, requesterId, createdAt, channel: "Email", state, customAttributes } },
      };
    }
    if (method === "PATCH" && match[2]) {
      const problem = validatePatch(world, body);
      if (problem) return { status: 400, body: { message: `Invalid value for: body (${problem})` } };
      let changed = false;
      for (const [id, value] of Object.entries(body as Record<string, string | string[] | null>)) {
        changed ||= JSON.stringify(conversation.attributes.get(id) ?? null) !== JSON.stringify(value);
        if (value === null) conversation.attributes.delete(id);
        else conversation.attributes.set(id, value);
      }
      world.onWrite?.({ api: "dixa", kind: "conversation", id: conversation.id, changed });
      return { status: 200, body: { data: describeAttributes(world, conversation.attributes) } };
    }
  }
  return dixaNotFound;
}

function describeAttributes(world: World, values: Map<string, string | string[]>) {
  return [...values].map(([id, value]) => {
    const definition = world.attributes.find((candidate) => candidate.id === id);
    return { id, name: definition?.label ?? id, identifier: definition?.identifier ?? id, value };
  });
}

/** Dixa's rules for a custom attributes PATCH, as far as the SDK relies on them. */
function validatePatch(world: World, body: unknown): string | undefined {
  if (typeof body !== "object" || body === null || Object.keys(body).length === 0) return "empty patch";
  for (const [id, value] of Object.entries(body)) {
    const definition = world.attributes.find((candidate) => candidate.id === id);
    if (!definition) return `unknown attribute ${id}`;
    if (definition.entityType !== "Conversation") return `${id} is not a conversation attribute`;
    if (value === null) continue;
    const input = definition.inputDefinition;
    if (input._type === "Text" && typeof value !== "string") return `${definition.identifier} needs a string`;
    if (input._type === "Select") {
      if (!Array.isArray(value)) return `${definition.identifier} needs an array`;
      let level = input.options;
      for (const step of value) {
        const option = level.find((candidate) => candidate.value === step);
        if (!option) return `${definition.identifier}: no option ${step}`;
        level = option.nestedOptions ?? [];
      }
    }
  }
  return undefined;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((done, fail) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => done(Buffer.concat(chunks).toString("utf8")));
    req.on("error", fail);
  });
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
