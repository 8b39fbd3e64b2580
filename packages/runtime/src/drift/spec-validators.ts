/** One error of an Ajv standalone validator (`messages: false`): where it is and which keyword failed. */
export interface SchemaError {
  /** JSON pointer into the validated body */
  instancePath: string;
  /** JSON pointer into the spec, e.g. `#/components/schemas/Agent/required` */
  schemaPath: string;
  keyword: string;
  /** the keyword's parameters; only those that come from the spec are ever read */
  params: Record<string, unknown>;
}

/** A compiled validator: `true` when the body matches; otherwise its `errors` say where it did not. */
export interface CompiledValidator {
  (body: unknown): boolean;
  errors?: readonly SchemaError[] | null;
}

/**
 * What `scripts/generate.mjs` compiles from a spec into `src/generated/validate.ts` of a client package.
 * Note: object schemas are compiled closed (`additionalProperties: false` where the spec says nothing),
 * so an extra field shows as an `additionalProperties` error, which is reported as additive drift.
 */
export interface SpecValidators {
  /** the spec's path in the repository, e.g. `specs/dixa/openapi.yaml` */
  spec: string;
  /** `"METHOD /path/template"` -> the operation id and a validator per documented 2xx JSON status */
  responses: Record<string, readonly [operationId: string, byStatus: Record<string, CompiledValidator>]>;
  /** webhook payload schemas by component name, e.g. `CustomerInteractionUpdatedWebhook` */
  payloads: Record<string, CompiledValidator>;
  /** spec pointer -> line in the spec file (1-based), for every node a schema path can name */
  lines: Record<string, number>;
}
