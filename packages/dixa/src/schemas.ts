// Named aliases of the generated component schemas that users reach for.
import type { components } from "./generated/schema.js";

type Schemas = components["schemas"];

export type Conversation = Schemas["Conversation"];
/** A linked conversation's parent: EmailForward, FollowUp or SideConversation, told apart by `_type` */
export type ConversationLink = Schemas["ConversationLink"];
export type ConversationFlow = Schemas["ConversationFlow"];
export type ImportConversationRequest = Schemas["ImportConversationRequest"];
export type AnonymizationRequestStatus = Schemas["AnonymizationRequestStatus"];
export type CreateConversationRequest = Schemas["CreateConversationRequest"];
export type EndUser = Schemas["EndUser"];
export type Agent = Schemas["Agent"];
export type UserPresence = Schemas["UserPresence"];
export type Tag = Schemas["Tag"];
export type InternalNote = Schemas["InternalNote"];
export type Message = Schemas["Message"];
export type ActivityLogEntry = Schemas["ActivityLogEntry"];
export type CustomAttribute = Schemas["CustomAttribute"];
export type CustomAttributeDefinition = Schemas["CustomAttributeDefinition"];
export type SelectOption = Schemas["SelectOption"];
/** Body of a custom-attribute PATCH: attribute UUID -> string (Text), string[] (Select) or null */
export type CustomAttributesPatch = Schemas["CustomAttributesPatch"];
export type ConversationSearchRequest = Schemas["ConversationSearchRequest"];
export type WebhookSubscription = Schemas["WebhookSubscription"];
export type WebhookEvent = Schemas["WebhookEvent"];
/** The latest delivery of one event of a webhook subscription */
export type WebhookDeliveryStatus = Schemas["EventDeliveryStatus"];
export type PaginationLinks = Schemas["PaginationLinks"];
/** Dixa's error body: `{ message }` */
export type DixaError = Schemas["ErrorResponse"];
