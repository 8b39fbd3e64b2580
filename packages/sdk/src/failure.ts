import { isRetryableStatus } from "@cxkit/runtime";
import { passConfigurationErrors } from "./errors.js";
import {
  type FailureInfo,
  type FailureStage,
  firstFailure,
  type OutcomeStatus,
  type ReportParts,
  type SkipReason,
  summarizeStatus,
} from "./outcome.js";

/** Turns a thrown value into a serializable failure record, keeping its HTTP status and request id when it has them. */
export function toFailure(stage: FailureStage, error: unknown): FailureInfo {
  if (error instanceof Error) {
    const { status, requestId, retryAfter } = error as {
      status?: unknown;
      requestId?: unknown;
      retryAfter?: unknown;
    };
    return {
      stage,
      name: error.name,
      message: error.message,
      ...(typeof status === "number" ? { status } : {}),
      ...(typeof requestId === "string" ? { requestId } : {}),
      ...(typeof retryAfter === "number" ? { retryAfter } : {}),
    };
  }
  return { stage, name: "Error", message: String(error) };
}

/** Thrown inside a sync to stop it at a stage; the sync turns it into `report.error`. */
export class StageFailure {
  constructor(
    readonly stage: FailureStage,
    readonly cause: unknown,
  ) {}
}

/**
 * Runs one stage of a sync, tagging what it throws with the stage; configuration errors pass through.
 */
export async function stage<T>(name: FailureStage, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw new StageFailure(name, passConfigurationErrors(error));
  }
}

/**
 * Runs a sync to its report: `base` with the parts `sync` returns, their status and, when nothing was
 * written or planned, `reason`'s why; or `base` failed at the stage that stopped it.
 */
export async function settle<R extends ReportParts>(
  base: R,
  sync: () => Promise<Partial<R>>,
  reason: (report: R) => SkipReason | undefined,
): Promise<R & { status: OutcomeStatus }> {
  try {
    const report = { ...base, ...(await sync()) };
    const why = reason(report);
    return { ...report, status: summarizeStatus(report), ...(why ? { reason: why } : {}) };
  } catch (error) {
    if (!(error instanceof StageFailure)) throw error;
    return { ...base, status: "failed", error: toFailure(error.stage, error.cause) };
  }
}

/**
 * Whether the same request may succeed later: the vendor answered a status worth retrying (408, 409,
 * 429, 5xx), or did not answer at all (connection failure, timeout). The clients have retried already.
 */
export function isRetryable(failure: FailureInfo): boolean {
  if (failure.status !== undefined) return isRetryableStatus(failure.status);
  return failure.name === "ConnectionError" || failure.name === "TimeoutError";
}

/**
 * The first failure of a failed result: a sync's report, or a webhook result holding one in `report`;
 * undefined for any other status or shape. What a webhook handler and a receiver judge a delivery by.
 */
export function failureOf(result: unknown): FailureInfo | undefined {
  if (typeof result !== "object" || result === null) return undefined;
  const { status, report } = result as { status?: unknown; report?: unknown };
  const parts = (report ?? result) as Partial<ReportParts>;
  if (status !== "failed" || !Array.isArray(parts.fields)) return undefined;
  return firstFailure(parts as ReportParts);
}
