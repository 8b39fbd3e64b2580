import {
  createDriftCheck,
  type DriftCheck,
  type DriftCheckOptions,
  type DriftEvent,
} from "@cxkit/runtime/drift";
import { validators } from "./generated/validate.js";

export {
  type DriftCheck,
  type DriftCheckOptions,
  type DriftEvent,
  type DriftKind,
  type DriftMode,
  ResponseDriftError,
} from "@cxkit/runtime/drift";

/**
 * Validates the client's 2xx JSON responses against specs/dixa/openapi.yaml and reports each drift.
 * Register it on a client: `client.use(validateDixaResponses({ mode: "report" }))`; hand the same
 * check to `createCx({ dixa: { validateResponses } })` to also check Dixa webhook deliveries.
 */
export function validateDixaResponses(options?: DriftCheckOptions): DriftCheck {
  return createDriftCheck(validators, options);
}

/**
 * The name a drift check's `checkPayload` checks a Dixa webhook delivery under (the spec's
 * `KnownWebhookEvent`): a known event against its own schema, chosen by `event_fqn`; any other
 * against the envelope.
 */
export const DIXA_WEBHOOK_PAYLOAD = "KnownWebhookEvent";

const utf8 = new TextDecoder();

/**
 * Checks verified Dixa webhook deliveries against the spec's event schemas, field by field, and
 * reports each drift as `validateDixaResponses` does for answers (`verifyDixaWebhook` checks only the
 * envelope: Dixa signed the body). Call the returned function with a verified delivery (the raw body,
 * or the event `verifyDixaWebhook` returned): it returns the drift events (`[]` when it matches) and,
 * in `"throw"` mode, throws `ResponseDriftError` for a drift that is not an extra field.
 */
export function validateDixaWebhookEvents(
  options?: DriftCheckOptions,
): (delivery: string | Uint8Array | object) => readonly DriftEvent[] {
  const check = createDriftCheck(validators, options);
  return (delivery) =>
    check.checkPayload(
      DIXA_WEBHOOK_PAYLOAD,
      delivery instanceof Uint8Array ? utf8.decode(delivery) : delivery,
    );
}

/** The compiled validators, by operation and status, with their spec locations. */
export { validators as dixaValidators };
