export {
  ALPHARUN_BASE_URL,
  type AlpharunClient,
  type AlpharunClientOptions,
  createAlpharunClient,
  MissingCredentialError,
} from "./client.js";
export type { components, operations, paths } from "./generated/schema.js";
export type {
  AlpharunError,
  Contact,
  ContactUpdateByIdentifierPayload,
  CreateContactPayload,
  CustomerInteraction,
  CustomerInteractionUpdatedWebhook,
  CustomField,
  CustomFieldValue,
  DataExtractionField,
  InteractionContact,
  Transcript,
  UpdateCustomerInteractionPayload,
} from "./schemas.js";
