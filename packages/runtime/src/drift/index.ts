export {
  createDriftCheck,
  type DriftCheck,
  type DriftCheckOptions,
  type DriftMode,
  findResponseDrift,
} from "./create-drift-check.js";
export type { DriftEvent, DriftExpectation, DriftKind, SpecLocation } from "./drift-event.js";
export { ResponseDriftError } from "./response-drift-error.js";
export type { CompiledValidator, SchemaError, SpecValidators } from "./spec-validators.js";
