// Note: one error class for both clients (and any other), so one `instanceof` check catches it.
export {
  MissingCredentialError,
  pages,
  paginate,
  RateLimiter,
  type RateLimitOptions,
} from "@cxkit/runtime";
export {
  ALPHARUN_BASE_URL,
  type AlpharunClient,
  type AlpharunClientOptions,
  createAlpharunClient,
} from "./client.js";
export type { components, operations, paths } from "./generated/schema.js";
export { alpharunPagination } from "./pagination.js";
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
