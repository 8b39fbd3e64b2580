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
