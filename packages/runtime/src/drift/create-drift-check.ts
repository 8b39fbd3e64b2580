import type { Middleware } from "openapi-fetch";
import { BufferedResponse } from "../buffered-response.js";
import { identifyCall } from "../call-info.js";
import { describeValue } from "../check-options.js";
import { ClientOptionsError } from "../input-errors.js";
import { generateRequestId } from "../request-id.js";
import { type DriftTarget, describeDrift } from "./describe-drift.js";
import type { DriftEvent } from "./drift-event.js";
import { ResponseDriftError } from "./response-drift-error.js";
import type { CompiledValidator, SpecValidators } from "./spec-validators.js";

/** What a drifted body does: nothing, an event, or an event and a `ResponseDriftError`. */
export type DriftMode = "off" | "report" | "throw";

/** Options of response validation, set once per client. */
export interface DriftCheckOptions {
  /** `"report"` emits drift events; `"throw"` also throws `ResponseDriftError` (never for extra fields alone) (default "report") */
  mode?: DriftMode;
  /** share of responses validated, 0 to 1 (default 1: every response) */
  sampleRate?: number;
  /** receives each drift event; errors it throws are ignored (default: `console.warn` of the event) */
  onDrift?: (event: DriftEvent) => void;
  /** random numbers in [0, 1) that decide the sampling (default `Math.random`) */
  random?: () => number;
}

/**
 * An openapi-fetch middleware that validates 2xx JSON bodies against the spec, plus `checkPayload` for
 * bodies that arrive otherwise (webhooks). Register it after the client is built (`client.use(check)`),
 * so it sees the final response; `"off"` registers a middleware that does nothing.
 */
export interface DriftCheck {
  readonly mode: DriftMode;
  /** the middleware's hook: validates a 2xx JSON body of a known operation */
  onResponse: NonNullable<Extract<Middleware, { onResponse: unknown }>["onResponse"]>;
  /**
   * Validates a payload (e.g. a webhook body, parsed or its raw JSON text) against the spec's schema
   * `name`: events as for responses; in `"throw"` mode a breaking drift throws `ResponseDriftError`.
   * Unknown names and text that is not JSON do nothing.
   */
  checkPayload(name: string, payload: unknown): readonly DriftEvent[];
}

/** Builds the drift check of one client over its package's generated validators. */
export function createDriftCheck(validators: SpecValidators, options: DriftCheckOptions = {}): DriftCheck {
  const { mode = "report", sampleRate = 1 } = options;
  if (mode !== "off" && mode !== "report" && mode !== "throw")
    refuse("mode", '"off", "report" or "throw"', mode);
  if (typeof sampleRate !== "number" || !(sampleRate >= 0 && sampleRate <= 1)) {
    refuse("sampleRate", "a number from 0 to 1", sampleRate);
  }
  for (const name of ["onDrift", "random"] as const) {
    if (options[name] !== undefined && typeof options[name] !== "function")
      refuse(name, "a function", options[name]);
  }
  const random = options.random ?? Math.random;
  const emit = options.onDrift ?? ((event: DriftEvent) => console.warn(event.message, event));

  const check = (validate: CompiledValidator, body: unknown, target: DriftTarget): DriftEvent[] => {
    const events = validateBody(validate, body, target, validators);
    for (const event of events) {
      try {
        emit(event);
      } catch {
        // A broken sink must not break the call it describes.
      }
    }
    return events;
  };
  const sampled = () => mode !== "off" && (sampleRate === 1 || random() < sampleRate);

  return {
    mode,
    async onResponse({ request, response, schemaPath, options: { parseAs } }) {
      if (!response.ok || parseAs !== "json" || !sampled()) return undefined;
      const operation = validators.responses[`${request.method} ${schemaPath}`];
      const validate = operation?.[1][response.status];
      if (!operation || !validate) return undefined;
      const body = await readJson(response);
      if (body === undefined) return undefined;
      const target = {
        operationId: operation[0],
        method: request.method,
        path: schemaPath,
        status: response.status,
      };
      const events = check(validate, body.value, target);
      if (mode === "throw" && events.some((event) => !event.additive)) {
        const { requestId, attempts } = identifyCall(response, target);
        throw new ResponseDriftError(events, { ...target, requestId, attempts, response });
      }
      return undefined;
    },
    checkPayload(name, payload) {
      const validate = validators.payloads[name];
      // Note: sampled before parsing, so a payload the check skips is never parsed.
      if (!validate || !sampled()) return [];
      const body = typeof payload === "string" ? parseJson(payload) : { value: payload };
      if (!body) return [];
      const target = { operationId: name, method: "POST", path: "webhook", status: undefined };
      const events = check(validate, body.value, target);
      if (mode === "throw" && events.some((event) => !event.additive)) {
        throw new ResponseDriftError(events, { ...target, requestId: generateRequestId(), attempts: 1 });
      }
      return events;
    },
  };
}

/**
 * The drift of one 2xx body of `operation` (`"GET /agents/{agentId}"`), without a client: what a live
 * contract run uses on the vendor's answers. `[]` when it matches, or when the spec has no schema for it.
 */
export function findResponseDrift(
  validators: SpecValidators,
  operation: string,
  status: number,
  body: unknown,
): DriftEvent[] {
  const known = validators.responses[operation];
  const validate = known?.[1][status];
  if (!known || !validate) return [];
  const [method = "", path = ""] = operation.split(" ");
  return validateBody(validate, body, { operationId: known[0], method, path, status }, validators);
}

function validateBody(
  validate: CompiledValidator,
  body: unknown,
  target: DriftTarget,
  validators: SpecValidators,
): DriftEvent[] {
  return validate(body) ? [] : describeDrift(validate.errors ?? [], target, validators);
}

function refuse(option: string, allowed: string, given: unknown): never {
  throw new ClientOptionsError(
    option,
    `drift check: \`${option}\` must be ${allowed}, got ${describeValue(given)}`,
  );
}

/**
 * The parsed body, shared with the runtime: a `BufferedResponse` parses once for everyone. A body that is
 * not JSON is left to the runtime's middleware, which turns it into `InvalidResponseError`.
 */
async function readJson(response: Response): Promise<{ value: unknown } | undefined> {
  try {
    if (response instanceof BufferedResponse) return { value: response.readJson() };
    return parseJson(await response.clone().text());
  } catch {
    return undefined;
  }
}

function parseJson(text: string): { value: unknown } | undefined {
  try {
    return text.trim() === "" ? undefined : { value: JSON.parse(text) };
  } catch {
    return undefined;
  }
}
