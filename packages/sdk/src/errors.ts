import { MissingCredentialError } from "@cxkit/runtime";
import type { BackfillReport, MappingProblem } from "./alpharun-to-dixa/sync-report.js";

/**
 * Base class of the errors `@cxkit/sdk` adds; a bad credential is the clients' `MissingCredentialError`,
 * and an API failure their `ApiError`. Per-item problems are reported, not thrown.
 */
export class CxError extends Error {
  override name = "CxError";
  /** name, message and own fields, for logs and `JSON.stringify` */
  toJSON(): Record<string, unknown> {
    return { ...(this as object), name: this.name, message: this.message };
  }
}

/** A misconfiguration, not one item's problem: stops a sync or a run instead of being reported per item. */
export function isMisconfiguration(error: unknown): error is CxError | MissingCredentialError {
  return error instanceof CxError || error instanceof MissingCredentialError;
}

/**
 * Lets configuration errors pass through: a `CxError` or a `MissingCredentialError` is a
 * misconfiguration, not one item's problem, so it is rethrown; any other error is returned for the
 * caller to report against the item.
 */
export function passConfigurationErrors(error: unknown): unknown {
  if (isMisconfiguration(error)) throw error;
  return error;
}

/** The environment variable a missing credential is read from, per API. */
export const CREDENTIAL_VARIABLES = {
  alpharun: "ALPHARUN_API_TOKEN",
  dixa: "DIXA_API_KEY",
} as const;

/** What is wrong with a credential read from the environment, as the error message says it. */
const CREDENTIAL_PROBLEMS = {
  missing: "is not set: set it in the environment",
  whitespace: "has surrounding whitespace (a pasted newline or space?): remove it",
  unsafe: "has characters an HTTP header cannot carry: check its value",
} as const;

/** What is wrong with a credential read from the environment. */
export type CredentialProblem = keyof typeof CREDENTIAL_PROBLEMS;

/**
 * The `MissingCredentialError` of a credential read from the environment: none passed to `createCx`
 * and its variable unset, blank, with surrounding whitespace, or with characters a header cannot carry.
 * Raised when that API is first used (a sync or backfill uses both first), not when `createCx` runs.
 * The message names the variable; it never contains the value.
 */
export class EnvironmentCredentialError extends MissingCredentialError {
  /** which API lacks a credential */
  readonly api: keyof typeof CREDENTIAL_VARIABLES;
  /** what is wrong with it */
  readonly problem: CredentialProblem;
  /** the environment variable that would provide it, e.g. `DIXA_API_KEY` */
  readonly variable: string;

  constructor(api: keyof typeof CREDENTIAL_VARIABLES, problem: CredentialProblem = "missing") {
    const variable = CREDENTIAL_VARIABLES[api];
    const option = api === "alpharun" ? "alpharun.token" : "dixa.apiKey";
    super(`${variable} ${CREDENTIAL_PROBLEMS[problem]} or pass createCx({ ${option} })`);
    this.api = api;
    this.problem = problem;
    this.variable = variable;
  }
}

/** The environment variable the Dixa webhook secret is read from. */
export const WEBHOOK_SECRET_VARIABLE = "DIXA_WEBHOOK_SECRET";

/**
 * The Dixa webhook secret, read from `DIXA_WEBHOOK_SECRET` (none passed to `createCx`), is unset,
 * blank, or not the hex-encoded key Dixa shows on the subscription. `handleDixaWebhook` throws it
 * before reading a delivery (`cxkit serve` before listening). The message names the variable, never
 * the value.
 */
export class EnvironmentSecretError extends MissingCredentialError {
  override name = "EnvironmentSecretError";
  /** the environment variable, `DIXA_WEBHOOK_SECRET` */
  readonly variable = WEBHOOK_SECRET_VARIABLE;

  constructor(
    /** what is wrong with it */
    readonly problem: "missing" | "unusable",
    /** for `unusable`: what is wrong, as the secret check says it */
    detail = "",
  ) {
    super(
      problem === "missing"
        ? `${WEBHOOK_SECRET_VARIABLE} ${CREDENTIAL_PROBLEMS.missing} or pass createCx({ dixa.webhookSecret })`
        : `${WEBHOOK_SECRET_VARIABLE} is not usable: ${detail}`,
    );
  }
}

/** Why a webhook payload was rejected. */
export type WebhookPayloadProblem = "malformed" | "unsupported-event";

/**
 * A webhook payload that is not a well-formed event of its kind, nothing written: not a
 * `customer_interaction.updated` event (Alpharun), or a signed Dixa event to sync without the
 * conversation it is about (`data.conversation.csid`).
 */
export class WebhookPayloadError extends CxError {
  override name = "WebhookPayloadError";
  readonly problem: WebhookPayloadProblem;
  /** the payload's `event_type` (Alpharun) or `event_fqn` (Dixa), when it had one */
  readonly eventType: string | undefined;

  constructor(problem: WebhookPayloadProblem, message: string, eventType?: string) {
    super(message);
    this.problem = problem;
    this.eventType = eventType;
  }
}

/** A checkpoint file that cannot be read or written. */
export class CheckpointError extends CxError {
  override name = "CheckpointError";
}

/**
 * An explicit field mapping (`mapping`, `--map`) that does not fit Dixa: an attribute that does not
 * exist, is archived or deactivated, belongs to contacts, or cannot be written, or two fields mapped to
 * one attribute. A backfill checks its mapping before its first write and throws this, having written
 * nothing; a single sync reports it (stage `mapping`) instead.
 */
export class MappingError extends CxError {
  override name = "MappingError";
  /** every mapping entry that does not fit, and why */
  readonly problems: readonly MappingProblem[];

  constructor(problems: readonly MappingProblem[]) {
    super(`the field mapping does not fit Dixa, so nothing was written: ${describeProblems(problems)}`);
    this.problems = problems;
  }
}

/** The problems of a mapping, as one sentence per entry. */
export function describeProblems(problems: readonly MappingProblem[]): string {
  return problems.map((problem) => problem.message).join("; ");
}

/**
 * Bad input to the facade, found before any request: an option of `createCx` or of a method, or a
 * method's argument (an id, the ids of a backfill), of the wrong type, outside its range or in the
 * wrong format (e.g. `concurrency: 0`, an interaction id that is not a UUID). The message names it,
 * what was given (secrets shown as `[REDACTED]`) and what is allowed.
 */
export class CxOptionsError extends CxError {
  override name = "CxOptionsError";
  /** the option or argument, e.g. `retry.retries`, `interactionId` or `ids[2]` */
  readonly option: string;

  constructor(option: string, message: string) {
    super(message);
    this.option = option;
  }
}

/**
 * A backfill stopped early: its source failed (e.g. listing interactions) or a sync threw (e.g. a
 * missing credential). `report` accounts for the interactions finished before; `cause` is the error.
 * With a checkpoint, running again continues where it stopped.
 */
export class BackfillInterruptedError extends CxError {
  override name = "BackfillInterruptedError";
  readonly report: BackfillReport;

  constructor(cause: unknown, report: BackfillReport) {
    super(
      `backfill stopped after ${report.total} interactions: ${cause instanceof Error ? cause.message : String(cause)}`,
      {
        cause,
      },
    );
    this.report = report;
  }
}
