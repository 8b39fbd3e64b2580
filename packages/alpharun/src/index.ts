export {
  ALPHARUN_BASE_URL,
  type AlpharunClient,
  type AlpharunClientOptions,
  createAlpharunClient,
  MissingCredentialError,
} from "./client.js";
export type { components, operations, paths, webhooks } from "./generated/schema.js";
