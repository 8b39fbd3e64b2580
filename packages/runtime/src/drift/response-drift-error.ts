import { ApiError } from "../errors.js";
import type { DriftEvent } from "./drift-event.js";

/**
 * A 2xx response (or webhook payload) broke the spec, with validation in `"throw"` mode. `drifts` names
 * each field and the spec's rule; neither they nor the message contain the body's values. Extra fields
 * alone never throw.
 */
export class ResponseDriftError extends ApiError<never> {
  override name = "ResponseDriftError";
  /** every drift found in the body, extra fields included */
  readonly drifts: readonly DriftEvent[];

  constructor(
    drifts: readonly DriftEvent[],
    context: {
      method: string;
      path: string;
      status: number | undefined;
      requestId: string;
      attempts: number;
      response?: Response;
    },
  ) {
    const breaking = drifts.filter((drift) => !drift.additive);
    const first = breaking[0];
    super({
      ...context,
      summary: `returned a body that drifted from ${first?.spec.file ?? "the spec"}: ${breaking
        .map((drift) => `${drift.kind} at ${drift.pointer || "(body)"}`)
        .join(", ")}`,
    });
    this.drifts = drifts;
  }
}
