import type { Conversation, ConversationRating, EndUser, Tag } from "../vendor-types.js";

/** What the sync reads about a Dixa conversation, and what a mapping rule receives. */
export interface ConversationFacts {
  /** the conversation, with its current state and custom attributes */
  conversation: Conversation;
  /** the end user who requested it */
  endUser: EndUser;
  /** its tags; read only when a rule uses `tags` (else empty) */
  tags: readonly Tag[];
  /** its latest rated rating, if any; read only when a rule uses `ratings` (else undefined) */
  rating: ConversationRating | undefined;
}

/** A value the sync writes onto an Alpharun contact custom field (as text); null or an empty list clears it. */
export type ContactValue = string | number | boolean | readonly string[] | null;

/** The extra Dixa reads a rule needs beyond the conversation and its end user. */
export type ConversationRead = "tags" | "ratings";

/** The facts a contact field can take by name. */
export const CONVERSATION_FACTS = {
  /** the Dixa conversation id */
  conversationId: { read: (facts: ConversationFacts): ContactValue => facts.conversation.id },
  /** its state: `Open`, `Closed`, `Pending` or `AwaitingPending` */
  status: { read: (facts: ConversationFacts): ContactValue => facts.conversation.state ?? null },
  /** its channel, e.g. `Email` */
  channel: { read: (facts: ConversationFacts): ContactValue => facts.conversation.channel },
  /** the score of its latest rating */
  rating: { uses: "ratings", read: (facts: ConversationFacts) => facts.rating?.ratingScore ?? null },
  /** the comment of its latest rating */
  ratingComment: {
    uses: "ratings",
    read: (facts: ConversationFacts): ContactValue => facts.rating?.ratingComment ?? null,
  },
  /** the names of its tags, comma-separated */
  tags: { uses: "tags", read: (facts: ConversationFacts): ContactValue => facts.tags.map((tag) => tag.name) },
} as const satisfies Record<
  string,
  { uses?: ConversationRead; read: (facts: ConversationFacts) => ContactValue }
>;

/** A fact of the conversation by name (see `CONVERSATION_FACTS`). */
export type ConversationFact = keyof typeof CONVERSATION_FACTS;

/** What one Alpharun contact custom field receives. */
export type ContactFieldRule =
  /** a fact of the conversation, e.g. `"status"` */
  | ConversationFact
  /** a Dixa conversation custom attribute, by `identifier` (Select values as their option path) */
  | { attribute: string }
  /** a value of your own; `uses` names the extra reads it needs (default none). A throw fails the field. */
  | { value: (facts: ConversationFacts) => ContactValue; uses?: readonly ConversationRead[] };

/**
 * How the Alpharun contact is found from the Dixa end user: `email` (`alt:email:<email>`), `phone`
 * (`alt:phone_number:<phone>`), `externalId` (`alt:ext_id:<externalId>`), or a function returning an
 * Alpharun contact id (a UUID or an `alt:` id), or undefined to try the next.
 */
export type ContactKey = "email" | "phone" | "externalId" | ((endUser: EndUser) => string | undefined);

/** Where a Dixa conversation lands on Alpharun: which contact, and which of its custom fields get what. */
export interface ContactMapping {
  /** lookups tried in order until a contact answers (default `["email", "phone"]`) */
  lookup?: readonly ContactKey[];
  /** Alpharun contact custom field key → what it receives (required) */
  fields: Readonly<Record<string, ContactFieldRule>>;
}

/** Declares a contact mapping with its keys kept as literal types. */
export function defineContactMapping<const M extends ContactMapping>(mapping: M): M {
  return mapping;
}

/** The mapping used when none is given: each field is written only where the contact has it. */
export const DEFAULT_CONTACT_MAPPING = defineContactMapping({
  fields: {
    dixa_conversation_id: "conversationId",
    dixa_conversation_status: "status",
    dixa_rating: "rating",
    dixa_rating_comment: "ratingComment",
    dixa_tags: "tags",
  },
});

/** The lookups tried when a mapping names none. */
export const DEFAULT_CONTACT_LOOKUP: readonly ContactKey[] = ["email", "phone"];

/**
 * The named `ContactKey`s, each with the prefix of the Alpharun contact id it gives.
 * @see https://dev.alpharun.com/api-reference/endpoint/update-contact
 */
export const CONTACT_ID_PREFIXES = {
  email: "alt:email:",
  phone: "alt:phone_number:",
  externalId: "alt:ext_id:",
} as const satisfies Record<Exclude<ContactKey, (...args: never) => unknown>, string>;

/** A rule as one shape: a label for reports, the reads it needs, and how it reads its value. */
export interface ResolvedRule {
  /** e.g. `status`, `attribute:order_number`, `value()` */
  source: string;
  uses: readonly ConversationRead[];
  read: (facts: ConversationFacts) => ContactValue;
}

export function resolveRule(rule: ContactFieldRule): ResolvedRule {
  if (typeof rule === "string") {
    const fact: { uses?: ConversationRead; read: ResolvedRule["read"] } = CONVERSATION_FACTS[rule];
    return { source: rule, uses: fact.uses ? [fact.uses] : [], read: fact.read };
  }
  if ("attribute" in rule) {
    const { attribute } = rule;
    return {
      source: `attribute:${attribute}`,
      uses: [],
      read: (facts) =>
        facts.conversation.customAttributes?.find((found) => found.identifier === attribute)?.value ?? null,
    };
  }
  return { source: "value()", uses: rule.uses ?? [], read: rule.value };
}

/** The extra reads the mapping's rules need. */
export function readsOf(mapping: ContactMapping): Set<ConversationRead> {
  return new Set(Object.values(mapping.fields).flatMap((rule) => resolveRule(rule).uses));
}
