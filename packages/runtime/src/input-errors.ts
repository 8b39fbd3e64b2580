// Errors thrown before any request: bad credentials, options or input. The errors of a call are in errors.ts.

/**
 * A client was constructed without a usable credential: missing, empty, or with characters an HTTP
 * header cannot carry. The message names the option; it never contains the credential.
 */
export class MissingCredentialError extends TypeError {
  override name = "MissingCredentialError";
}

/**
 * A call refused before sending, because its input breaks a rule of the vendor's API that the
 * generated types cannot express (e.g. a Dixa custom-attribute key that is not a UUID). No request was
 * made. The message names the operation and what was wrong.
 */
export class InvalidRequestError extends TypeError {
  override name = "InvalidRequestError";
  /** the operation, e.g. `PATCH /conversations/{conversationId}/custom-attributes` */
  readonly operation: string;
  constructor(operation: string, problem: string) {
    super(`${operation}: ${problem}; nothing was sent`);
    this.operation = operation;
  }
}

/**
 * A client factory (or `new RateLimiter`) got an option of the wrong type or outside its range, e.g.
 * `timeout: -5`. Thrown at construction, before any request; the message names the option, what was
 * given (header values never shown) and what is allowed.
 */
export class ClientOptionsError extends TypeError {
  override name = "ClientOptionsError";
  constructor(
    /** the option's path, e.g. `retry.retries` */
    readonly option: string,
    message: string,
  ) {
    super(message);
  }
}
