import { passConfigurationErrors } from "./errors.js";
import type { FailureInfo, FailureStage } from "./report.js";

/** Turns a thrown value into a serializable failure record, keeping an HTTP status when it has one. */
export function toFailure(stage: FailureStage, error: unknown): FailureInfo {
  if (error instanceof Error) {
    const status = (error as { status?: unknown }).status;
    return {
      stage,
      name: error.name,
      message: error.message,
      ...(typeof status === "number" ? { status } : {}),
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
