// How both directions report a mapping that does not fit the API it writes to: a configuration
// error (stage `mapping`) that stops the sync before anything is written.
import type { FailureInfo, ReportPart, SkipReason } from "./outcome.js";

/** `mapping key=target: why`, the form both `mapping` and `--map` users recognise. */
export function mappingMessage(key: string, target: string, why: string): string {
  return `mapping ${key}=${target}: ${why}`;
}

/** A failure of the stage `mapping`: each problem's sentence, joined. */
export function mappingError(problems: readonly { message: string }[]): FailureInfo {
  return {
    stage: "mapping",
    name: "MappingError",
    message: problems.map((problem) => problem.message).join("; "),
  };
}

/** Why a field was not written when the mapping does not fit `api` (another field's entry failed). */
export function notWrittenReason(api: "Dixa" | "Alpharun"): SkipReason {
  const message = `not written: the field mapping does not fit ${api} (see the failed fields)`;
  return { code: "mapping-error", message };
}

/**
 * A plan with fields the mapping cannot write (failed at the stage `mapping`): those fail, every
 * planned one becomes `notWritten` (skipped, `mapping-error`), and the report's error names every
 * failing entry. Undefined when every field fits, so the plan is written.
 */
export function blocked<F extends ReportPart>(
  fields: readonly F[],
  notWritten: (field: F) => F,
): { fields: F[]; error: FailureInfo } | undefined {
  const unfit = fields.flatMap((field) =>
    field.status === "failed" && field.error.stage === "mapping" ? [field.error] : [],
  );
  if (unfit.length === 0) return undefined;
  return {
    fields: fields.map((field) => (field.status === "planned" ? notWritten(field) : field)),
    error: mappingError(unfit),
  };
}
