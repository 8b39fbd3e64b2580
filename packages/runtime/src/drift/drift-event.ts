/** How a body differs from the spec. Only `extra-field` is additive: it never fails a call. */
export type DriftKind =
  /** a field the spec requires is absent */
  | "missing-field"
  /** a value has another JSON type than the spec says (or matches none of a union's types) */
  | "type-changed"
  /** a value is not one of the spec's enum values (or a union tag the spec does not list) */
  | "enum-value"
  /** a string breaks the spec's `format` (uuid, email, uri, date-time) */
  | "format"
  /** a value breaks another constraint (length, range, pattern, items) */
  | "constraint"
  /** a value matches no member of a `oneOf`/`anyOf` */
  | "union-mismatch"
  /** the body is not wrapped in the `data` envelope the spec declares */
  | "envelope"
  /** a field the spec does not list (additive) */
  | "extra-field";

/** What the spec says at the place that drifted; never the value the vendor sent. */
export interface DriftExpectation {
  /** the JSON Schema keyword that failed, e.g. `required`, `type`, `enum` */
  keyword: string;
  /** the JSON type(s) the spec allows */
  type?: string;
  /** the required field's name */
  required?: string;
  /** the spec's enum values */
  enum?: readonly unknown[];
  /** the spec's format */
  format?: string;
}

/** Where in the spec the broken rule is written. */
export interface SpecLocation {
  /** the spec's path in the repository, e.g. `specs/alpharun/openapi.yaml` */
  file: string;
  /** JSON pointer into the spec, e.g. `#/components/schemas/Contact/required` */
  pointer: string;
  /** 1-based line of that node in the file */
  line: number | undefined;
}

/**
 * One difference between a vendor's answer and our spec. It names the field and the rule, never the
 * value (which may be personal data or a secret).
 */
export interface DriftEvent {
  kind: DriftKind;
  /** true for `extra-field`: the vendor added something; nothing we rely on broke */
  additive: boolean;
  /** the spec's operation id, or the payload schema's name for a webhook */
  operationId: string;
  /** HTTP method (`POST` for a webhook) */
  method: string;
  /** the operation's path template, or `webhook` */
  path: string;
  /** HTTP status of the response (undefined for a webhook payload) */
  status: number | undefined;
  /** JSON pointer into the body, e.g. `/data/contacts/0/email` (`""` is the whole body) */
  pointer: string;
  expected: DriftExpectation;
  spec: SpecLocation;
  /** one line for people, built from the fields above */
  message: string;
}
