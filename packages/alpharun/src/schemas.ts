// Named aliases of the generated component schemas that users reach for.
import type { components } from "./generated/schema.js";

type Schemas = components["schemas"];

export type CustomerInteraction = Schemas["CustomerInteraction"];
export type DataExtractionField = Schemas["DataExtractionField"];
export type CustomField = Schemas["CustomField"];
export type CustomFieldValue = Schemas["CustomFieldValue"];
export type InteractionContact = Schemas["InteractionContact"];
export type Transcript = Schemas["Transcript"];
export type Contact = Schemas["Contact"];
export type CreateContactPayload = Schemas["CreateContactPayload"];
export type ContactUpdateByIdentifierPayload = Schemas["ContactUpdateByIdentifierPayload"];
export type UpdateCustomerInteractionPayload = Schemas["UpdateCustomerInteractionPayload"];
export type CustomerInteractionUpdatedWebhook = Schemas["CustomerInteractionUpdatedWebhook"];
/** Alpharun's error body: `{ error, message }` */
export type AlpharunError = Schemas["Error"];
