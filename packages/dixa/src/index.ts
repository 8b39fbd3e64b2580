export {
  createDixaClient,
  DIXA_BASE_URL,
  type DixaClient,
  type DixaClientOptions,
  MissingCredentialError,
} from "./client.js";
export type { components, operations, paths } from "./generated/schema.js";
