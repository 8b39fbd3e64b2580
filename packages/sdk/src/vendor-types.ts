// The vendor schema types the SDK reads, from the client packages' named aliases.
import type { CustomFieldValue } from "@cxkit/alpharun";
import type { CustomAttributesPatch, components as DixaComponents } from "@cxkit/dixa";

export type {
  Contact,
  CustomerInteraction,
  CustomerInteractionUpdatedWebhook,
  DataExtractionField,
  InteractionContact,
} from "@cxkit/alpharun";
export type { Conversation, CustomAttributeDefinition, EndUser, SelectOption, Tag } from "@cxkit/dixa";
/** One rating (survey question) of a Dixa conversation. */
export type ConversationRating = DixaComponents["schemas"]["ConversationRating"];

/** A value Alpharun extracted or stores in a custom field (the `value` of the spec's `CustomFieldValue`). */
export type AlpharunValue = CustomFieldValue["value"];
/** A value Dixa accepts for a custom attribute: Text → string, Select → option value path, null clears. */
export type DixaAttributeValue = CustomAttributesPatch[string];
export type { CustomAttributesPatch };
