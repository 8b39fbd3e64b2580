// The data a scripted server plays: Alpharun interactions, Dixa end users, conversations and
// custom attribute definitions, built from short descriptions.
import type { components as AlpharunComponents } from "@cxkit/alpharun";
import type { components as DixaComponents } from "@cxkit/dixa";

export type Interaction = AlpharunComponents["schemas"]["CustomerInteraction"];
export type AttributeDefinition = DixaComponents["schemas"]["CustomAttributeDefinition"];
export type EndUser = DixaComponents["schemas"]["EndUser"];
export type AttributeValue = string | string[];

export interface StoredConversation {
  id: number;
  requesterId: string;
  createdAt: string;
  /** current custom attribute values, by definition id */
  attributes: Map<string, AttributeValue>;
  /** Dixa -> Alpharun: the conversation's state, tag names and latest rating (default Open, none, none) */
  state?: "Open" | "Closed" | "Pending" | "AwaitingPending";
  tags?: string[];
  rating?: { score: number; comment?: string };
}

/** An Alpharun contact: its identity and custom field values, by key. */
export interface StoredContact {
  id: string;
  email?: string;
  phone_number?: string;
  ext_id?: string;
  fields: Map<string, string>;
}

export interface World {
  interactions: Map<string, Interaction>;
  /** Alpharun contact id → ids of its account's interactions, in list order */
  contactInteractions: Map<string, string[]>;
  /** keys of the Alpharun interaction custom fields defined in the dashboard (others are ignored) */
  interactionFieldKeys: Set<string>;
  endUsers: EndUser[];
  conversations: Map<number, StoredConversation>;
  attributes: AttributeDefinition[];
  /** Alpharun contacts (Dixa -> Alpharun) */
  contacts: StoredContact[];
  /** keys of the Alpharun contact custom fields defined in the dashboard (others are ignored) */
  contactFieldKeys: Set<string>;
  /** told of every write either API applies (as a vendor would fire its webhooks), when set */
  onWrite?: (write: WorldWrite) => void;
}

/** A write a vendor applied: what was written to, and whether a value changed. */
export interface WorldWrite {
  api: "alpharun" | "dixa";
  kind: "interaction" | "contact" | "conversation";
  /** the interaction or contact id, or the conversation id */
  id: string | number;
  changed: boolean;
}

let sequence = 0;
/** A deterministic UUID-shaped id, unique within the test process. */
export function uuid(prefix = 0): string {
  sequence += 1;
  const hex = (prefix * 1_000_000 + sequence).toString(16).padStart(12, "0");
  return `00000000-0000-4000-8000-${hex}`;
}

export function textAttribute(
  identifier: string,
  extra: Partial<AttributeDefinition> = {},
): AttributeDefinition {
  return {
    id: uuid(),
    entityType: "Conversation",
    identifier,
    label: identifier,
    inputDefinition: { _type: "Text" },
    createdAt: "2023-01-01T08:23:54.246Z[GMT]",
    isRequired: false,
    isArchived: false,
    isDeactivated: false,
    ...extra,
  };
}

export function selectAttribute(
  identifier: string,
  options: { value: string; label?: string; nested?: string[]; isDeactivated?: boolean }[],
  extra: Partial<AttributeDefinition> = {},
): AttributeDefinition {
  return textAttribute(identifier, {
    inputDefinition: {
      _type: "Select",
      options: options.map((option, index) => ({
        id: uuid(),
        value: option.value,
        label: option.label ?? option.value,
        isDeactivated: option.isDeactivated ?? false,
        orderIndex: index,
        nestedOptions: (option.nested ?? []).map((value, nestedIndex) => ({
          id: uuid(),
          value,
          label: value,
          nestedOptions: [],
          isDeactivated: false,
          orderIndex: nestedIndex,
        })),
      })),
    },
    ...extra,
  });
}

export function emptyWorld(): World {
  return {
    interactions: new Map(),
    contactInteractions: new Map(),
    interactionFieldKeys: new Set(["dixa_conversation_id"]),
    endUsers: [],
    conversations: new Map(),
    attributes: [],
    contacts: [],
    contactFieldKeys: new Set(),
  };
}

export interface CustomerSpec {
  email?: string | undefined;
  phone?: string;
  externalId?: string;
  /** conversations of the Dixa end user, by creation time (default one) */
  conversations?: string[];
  /** false: Alpharun knows the contact, Dixa does not (default true) */
  inDixa?: boolean;
}

let conversationIds = 1000;

/**
 * Adds an Alpharun interaction with one contact and, unless `inDixa: false`, the matching Dixa end
 * user and conversations. Returns the interaction id and the most recent conversation's id.
 */
export function addCustomer(
  world: World,
  fields: Record<string, string | number | boolean | null>,
  customer: CustomerSpec = {},
  contactId = "alt:ext_id:contact-1",
): { interactionId: string; conversationId: number | undefined; endUserId: string | undefined } {
  const interactionId = uuid(1);
  const email = "email" in customer ? customer.email : `customer-${interactionId.slice(-6)}@example.com`;
  world.interactions.set(interactionId, {
    id: interactionId,
    data_extraction_fields: Object.entries(fields).map(([key, value]) => ({
      key,
      name: key,
      type: typeof value,
      value,
    })),
    contacts: [
      {
        id: uuid(2),
        ...(email ? { email } : {}),
        ...(customer.phone ? { phone_number: customer.phone } : {}),
        ...(customer.externalId ? { ext_id: customer.externalId } : {}),
      },
    ],
    custom_fields: null,
  });
  const list = world.contactInteractions.get(contactId) ?? [];
  list.push(interactionId);
  world.contactInteractions.set(contactId, list);
  if (customer.inDixa === false) return { interactionId, conversationId: undefined, endUserId: undefined };
  const endUserId = uuid(3);
  world.endUsers.push({
    id: endUserId,
    createdAt: "2024-01-01T00:00:00Z",
    ...(email ? { email } : {}),
    ...(customer.phone ? { phoneNumber: customer.phone } : {}),
    ...(customer.externalId ? { externalId: customer.externalId } : {}),
  });
  let latest: number | undefined;
  for (const createdAt of customer.conversations ?? ["2024-05-01T10:00:00.000Z[GMT]"]) {
    conversationIds += 1;
    world.conversations.set(conversationIds, {
      id: conversationIds,
      requesterId: endUserId,
      createdAt,
      attributes: new Map(),
    });
    const time = Date.parse(createdAt.replace(/\[.*\]$/, ""));
    const best = latest === undefined ? undefined : world.conversations.get(latest);
    if (!best || time > Date.parse(best.createdAt.replace(/\[.*\]$/, ""))) latest = conversationIds;
  }
  return { interactionId, conversationId: latest, endUserId };
}

/** The Dixa attribute values of a conversation, by identifier. */
export function attributesOf(world: World, conversationId: number): Record<string, AttributeValue> {
  const conversation = world.conversations.get(conversationId);
  if (!conversation) throw new Error(`no conversation ${conversationId}`);
  const byId = new Map(world.attributes.map((definition) => [definition.id, definition.identifier]));
  return Object.fromEntries([...conversation.attributes].map(([id, value]) => [byId.get(id) ?? id, value]));
}

export interface ConversationSpec {
  email?: string;
  phone?: string;
  state?: StoredConversation["state"];
  tags?: string[];
  rating?: StoredConversation["rating"];
  /** the matching Alpharun contact's field values; `false`: Alpharun has no such contact (default {}) */
  contact?: Record<string, string> | false;
}

/**
 * Dixa -> Alpharun: adds a Dixa end user with one conversation and, unless `contact: false`, the
 * Alpharun contact with the same email. Returns their ids.
 */
export function addConversation(
  world: World,
  spec: ConversationSpec = {},
): { conversationId: number; endUserId: string; contactId: string | undefined } {
  const endUserId = uuid(3);
  const email = "email" in spec ? spec.email : `end-user-${endUserId.slice(-6)}@example.com`;
  world.endUsers.push({
    id: endUserId,
    createdAt: "2024-01-01T00:00:00Z",
    ...(email ? { email } : {}),
    ...(spec.phone ? { phoneNumber: spec.phone } : {}),
  });
  conversationIds += 1;
  const conversationId = conversationIds;
  world.conversations.set(conversationId, {
    id: conversationId,
    requesterId: endUserId,
    createdAt: "2024-05-01T10:00:00.000Z[GMT]",
    attributes: new Map(),
    ...(spec.state ? { state: spec.state } : {}),
    ...(spec.tags ? { tags: spec.tags } : {}),
    ...(spec.rating ? { rating: spec.rating } : {}),
  });
  if (spec.contact === false) return { conversationId, endUserId, contactId: undefined };
  const contactId = uuid(4);
  world.contacts.push({
    id: contactId,
    ...(email ? { email } : {}),
    ...(spec.phone ? { phone_number: spec.phone } : {}),
    fields: new Map(Object.entries(spec.contact ?? {})),
  });
  return { conversationId, endUserId, contactId };
}
