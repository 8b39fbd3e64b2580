// The vendor schema types the SDK reads, from the client packages' named aliases.
import type { CustomFieldValue } from "@cxkit/alpharun";
import type { CustomAttributesPatch } from "@cxkit/dixa";

export type {
  CustomerInteraction,
  CustomerInteractionUpdatedWebhook,
  DataExtractionField,
  InteractionContact,
} from "@cxkit/alpharun";
export type { Conversation, CustomAttributeDefinition, EndUser, SelectOption } from "@cxkit/dixa";

/** A value Alpharun extracted or stores in a custom field (the `value` of the spec's `CustomFieldValue`). */
export type AlpharunValue = CustomFieldValue["value"];
/** A value Dixa accepts for a custom attribute: Text → string, Select → option value path, null clears. */
export type DixaAttributeValue = CustomAttributesPatch[string];
export type { CustomAttributesPatch };
