// `@cxkit/dixa/webhooks` for every runtime but Node: the signature is checked through Web Crypto.
// Node resolves index.node.ts instead (package.json `exports`, condition `node`).
import { webCryptoSignatureCheck } from "./hmac-web.js";
import { createVerifier, type VerifyDixaWebhook } from "./verify.js";

export * from "./public.js";

/**
 * Verifies a Dixa webhook delivery (`X-DIXA-SIGNATURE`: HMAC-SHA256 over `<t>.<raw body>`, keyed by
 * the subscription's hex secret) and returns its typed event.
 * @see https://docs.dixa.io/docs/webhooks/webhooks-security
 */
export const verifyDixaWebhook: VerifyDixaWebhook = createVerifier(webCryptoSignatureCheck);
