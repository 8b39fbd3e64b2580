import type { DriftEvent, DriftExpectation, DriftKind } from "./drift-event.js";
import type { SchemaError, SpecValidators } from "./spec-validators.js";

/** The call (or webhook) a body belongs to. */
export interface DriftTarget {
  operationId: string;
  method: string;
  path: string;
  status: number | undefined;
}

/** A validator error as one drift: its kind, body pointer, the spec's expectation and schema path. */
interface Drift {
  kind: DriftKind;
  pointer: string;
  expected: DriftExpectation;
  schemaPath: string;
}

/**
 * Turns a validator's errors into drift events. A failed `oneOf`/`anyOf` is one event (its members'
 * errors are how it failed, not separate drifts), and a body missing its `data` envelope is one
 * `envelope` event, not one per field found in its place.
 */
export function describeDrift(
  errors: readonly SchemaError[],
  target: DriftTarget,
  validators: SpecValidators,
): DriftEvent[] {
  const drifts: Drift[] = [];
  const unions = errors.filter((error) => error.keyword === "oneOf" || error.keyword === "anyOf");
  const within = (error: SchemaError, at: string) =>
    error.instancePath === at || error.instancePath.startsWith(`${at}/`);
  for (const union of unions) {
    // Note: Ajv reports a union after its members' errors, so an enclosing union comes later.
    const enclosed = unions.some(
      (outer) =>
        outer !== union &&
        within(union, outer.instancePath) &&
        (outer.instancePath !== union.instancePath || errors.indexOf(outer) > errors.indexOf(union)),
    );
    if (enclosed) continue;
    const members = errors.filter((error) => !unions.includes(error) && within(error, union.instancePath));
    if (members.length > 0 && members.every((error) => error.keyword === "additionalProperties")) {
      drifts.push(...members.map(classify));
      continue;
    }
    const types = members.every(
      (error) => error.keyword === "type" && error.instancePath === union.instancePath,
    );
    drifts.push({
      kind: types && members.length > 0 ? "type-changed" : "union-mismatch",
      pointer: union.instancePath,
      expected: {
        keyword: union.keyword,
        ...(types && members.length > 0 ? { type: members.map((error) => error.params.type).join(",") } : {}),
      },
      schemaPath: union.schemaPath,
    });
  }
  const inUnion = (error: SchemaError) => unions.some((union) => within(error, union.instancePath));
  drifts.push(...errors.filter((error) => !inUnion(error)).map(classify));

  const envelope = drifts.some((drift) => drift.kind === "envelope");
  // Note: a value of another type also breaks its enum or format; the type change is the drift.
  const retyped = new Set(
    drifts.filter((drift) => drift.kind === "type-changed").map((drift) => drift.pointer),
  );
  const seen = new Set<string>();
  return drifts
    .filter((drift) => !(envelope && drift.kind === "extra-field" && parentOf(drift.pointer) === ""))
    .filter((drift) => drift.kind === "type-changed" || !retyped.has(drift.pointer))
    .filter((drift) => {
      const key = `${drift.kind} ${drift.pointer}`;
      return seen.has(key) ? false : Boolean(seen.add(key));
    })
    .map((drift) => toEvent(drift, target, validators));
}

function classify(error: SchemaError): Drift {
  const { instancePath, keyword, params, schemaPath } = error;
  const at = (name: unknown) => `${instancePath}/${escapePointer(String(name))}`;
  const drift = (kind: DriftKind, pointer: string, expected: Omit<DriftExpectation, "keyword"> = {}) => ({
    kind,
    pointer,
    expected: { keyword, ...expected },
    schemaPath,
  });
  switch (keyword) {
    case "required":
      return instancePath === "" && params.missingProperty === "data"
        ? drift("envelope", "", { required: "data" })
        : drift("missing-field", at(params.missingProperty), { required: String(params.missingProperty) });
    case "additionalProperties":
      return drift("extra-field", at(params.additionalProperty));
    case "type":
      return drift("type-changed", instancePath, { type: String(params.type) });
    case "enum":
      return drift("enum-value", instancePath, { enum: params.allowedValues as unknown[] });
    case "const":
      return drift("enum-value", instancePath, { enum: [params.allowedValue] });
    case "format":
      return drift("format", instancePath, { format: String(params.format) });
    // Note: the discriminator's own params carry the tag's value; only its name is kept.
    case "discriminator":
      return params.error === "mapping"
        ? drift("enum-value", at(params.tag))
        : drift("missing-field", at(params.tag), { required: String(params.tag) });
    default:
      return drift("constraint", instancePath);
  }
}

function toEvent(drift: Drift, target: DriftTarget, validators: SpecValidators): DriftEvent {
  const { kind, pointer, expected } = drift;
  const spec = locate(drift.schemaPath, validators);
  const status = target.status === undefined ? "" : ` ${target.status}`;
  const rule = [
    expected.required !== undefined ? `required "${expected.required}"` : "",
    expected.type !== undefined ? `type ${expected.type}` : "",
    expected.enum !== undefined ? `one of ${JSON.stringify(expected.enum)}` : "",
    expected.format !== undefined ? `format ${expected.format}` : "",
  ].find(Boolean);
  const message =
    `${target.method} ${target.path}${status}: ${kind} at ${pointer || "(body)"}` +
    `${rule ? `, the spec says ${rule}` : ""} (${spec.file}${spec.pointer}, line ${spec.line ?? "?"})`;
  return { kind, additive: kind === "extra-field", ...target, pointer, expected, spec, message };
}

/** The nearest node the spec has for a schema path (closing a schema adds keywords it does not have). */
function locate(schemaPath: string, validators: SpecValidators) {
  let pointer = schemaPath;
  while (validators.lines[pointer] === undefined && pointer.includes("/")) {
    pointer = pointer.slice(0, pointer.lastIndexOf("/"));
  }
  return { file: validators.spec, pointer, line: validators.lines[pointer] };
}

function parentOf(pointer: string): string {
  return pointer.slice(0, pointer.lastIndexOf("/"));
}

function escapePointer(segment: string): string {
  return segment.replaceAll("~", "~0").replaceAll("/", "~1");
}
