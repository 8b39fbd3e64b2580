// The parts of Alpharun (contacts) and Dixa (a conversation's end user, state, tags and ratings)
// the Dixa -> Alpharun sync uses, played from a World by the scripted server.
import type { StoredContact, World } from "./world.js";
import { uuid } from "./world.js";

export interface Answer {
  status: number;
  headers?: Record<string, string> | undefined;
  body?: unknown;
}

interface Request {
  method: string;
  path: string;
  body: unknown;
}

const notFound = (message: string): Answer => ({ status: 404, body: { error: 404, message } });
const badRequest = (message: string): Answer => ({ status: 400, body: { error: 400, message } });

/** Alpharun's answer for a contact: every defined custom field, with the contact's value when it has one. */
export function contactAnswer(world: World, contact: StoredContact) {
  const { fields, ...identity } = contact;
  const custom_fields = [...world.contactFieldKeys].map((key) => ({
    key,
    type: "text",
    display_name: key,
    ...(fields.has(key) ? { value: fields.get(key) } : {}),
  }));
  return { ...identity, custom_fields };
}

/** The contact an Alpharun contact id addresses: a UUID, or `alt:email:`, `alt:phone_number:`, `alt:ext_id:`. */
export function findStoredContact(world: World, id: string): StoredContact | undefined {
  const [, kind, value] = /^alt:(email|phone_number|ext_id):(.*)$/.exec(id) ?? [];
  if (!kind) return world.contacts.find((contact) => contact.id === id);
  return world.contacts.find((contact) => contact[kind as "email" | "phone_number" | "ext_id"] === value);
}

/** Alpharun's contact operations; undefined for any other route. */
export function contactRoute(world: World, { method, path, body }: Request): Answer | undefined {
  if (path === "/contacts" && method === "PATCH") {
    const { id, custom_fields: changes } = (body ?? {}) as {
      id?: string;
      custom_fields?: { set?: { key: string; value: string }[]; remove?: string[] };
    };
    if (typeof id !== "string") return badRequest("Bad request: missing id");
    const contact = findStoredContact(world, id);
    if (!contact) return notFound("Contact not found");
    let changed = false;
    for (const { key, value } of changes?.set ?? []) {
      if (!world.contactFieldKeys.has(key)) continue; // Alpharun ignores keys without a definition
      changed ||= contact.fields.get(key) !== value;
      contact.fields.set(key, value);
    }
    for (const key of changes?.remove ?? []) changed = contact.fields.delete(key) || changed;
    if (changes) world.onWrite?.({ api: "alpharun", kind: "contact", id: contact.id, changed });
    return { status: 200, body: contactAnswer(world, contact) };
  }
  const match = /^\/contacts\/([^/]+)$/.exec(path);
  if (match && method === "GET") {
    const contact = findStoredContact(world, decodeURIComponent(match[1] ?? ""));
    return contact ? { status: 200, body: contactAnswer(world, contact) } : notFound("Contact not found");
  }
  if (path === "/contacts" && method === "POST") {
    const given = (body ?? {}) as { email?: string; phone_number?: string; ext_id?: string };
    if (!given.email && !given.phone_number && !given.ext_id) {
      return badRequest("Bad request: at least one of email, phone number and ext id is required");
    }
    const taken = world.contacts.some(
      (contact) =>
        (given.email && contact.email === given.email) ||
        (given.phone_number && contact.phone_number === given.phone_number),
    );
    if (taken) return badRequest("Bad request: a contact with this email or phone number exists");
    const contact: StoredContact = { id: uuid(5), ...given, fields: new Map() };
    world.contacts.push(contact);
    world.onWrite?.({ api: "alpharun", kind: "contact", id: contact.id, changed: true });
    return { status: 200, body: contactAnswer(world, contact) };
  }
  return undefined;
}

/** Dixa's reads of an end user, and of a conversation's tags and ratings; undefined for any other route. */
export function conversationRoute(world: World, { method, path }: Request): Answer | undefined {
  if (method !== "GET") return undefined;
  const dixaNotFound = { status: 404, body: { message: "An entity in this request could not be found" } };
  let match = /^\/endusers\/([^/]+)$/.exec(path);
  if (match) {
    const endUser = world.endUsers.find((user) => user.id === decodeURIComponent(match?.[1] ?? ""));
    return endUser ? { status: 200, body: { data: endUser } } : dixaNotFound;
  }
  match = /^\/conversations\/(\d+)\/(tags|ratings)$/.exec(path);
  if (!match) return undefined;
  const conversation = world.conversations.get(Number(match[1]));
  if (!conversation) return dixaNotFound;
  if (match[2] === "tags") {
    const data = (conversation.tags ?? []).map((name) => ({ id: uuid(6), name, state: "Active" }));
    return { status: 200, body: { data } };
  }
  const { rating } = conversation;
  const data = rating
    ? [
        {
          id: uuid(7),
          ratingStatus: "Rated",
          ratingType: "Csat",
          ratingScore: rating.score,
          ...(rating.comment ? { ratingComment: rating.comment } : {}),
          conversationChannel: "Email",
          userId: conversation.requesterId,
          timestamps: {},
        },
      ]
    : [];
  return { status: 200, body: { data } };
}
