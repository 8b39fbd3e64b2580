import { createDriftCheck, type DriftCheck, type DriftCheckOptions } from "@cxkit/runtime/drift";
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
 * Register it on a client: `client.use(validateDixaResponses({ mode: "report" }))`.
 */
export function validateDixaResponses(options?: DriftCheckOptions): DriftCheck {
  return createDriftCheck(validators, options);
}

/** The compiled validators, by operation and status, with their spec locations. */
export { validators as dixaValidators };
