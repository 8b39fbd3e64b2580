// `@cxkit/dixa/webhooks` on Node (package.json `exports`, condition `node`): the signature is checked
// through node:crypto, faster there than Web Crypto. Every other runtime gets index.ts.
import { nodeSignatureCheck } from "./hmac-node.js";
import { createVerifier, type VerifyDixaWebhook } from "./verify.js";

export * from "./public.js";

/**
 * Verifies a Dixa webhook delivery (`X-DIXA-SIGNATURE`: HMAC-SHA256 over `<t>.<raw body>`, keyed by
 * the subscription's hex secret) and returns its typed event.
 * @see https://docs.dixa.io/docs/webhooks/webhooks-security
 */
export const verifyDixaWebhook: VerifyDixaWebhook = createVerifier(nodeSignatureCheck);
