// Every error serialises with its name and message, and every bad credential fails the same way.
import { describe, expect, test } from "vitest";
import * as runtime from "../../src/index.js";
import {
  ApiError,
  ClientOptionsError,
  checkCredential,
  InvalidRequestError,
  MissingCredentialError,
} from "../../src/index.js";

const details = { method: "GET", path: "/contacts", requestId: "req-1", attempts: 1, status: 404 };

/** One instance of every error class the runtime exports. */
function everyError(): Error[] {
  const classes = (Object.values(runtime) as unknown[]).filter(
    (value) => typeof value === "function" && value.prototype instanceof Error,
  );
  return classes.map((ErrorClass) => {
    const Class = ErrorClass as new (...args: unknown[]) => Error;
    if (Class === ClientOptionsError) return new Class("timeout", "createX: `timeout` must be a number");
    if (Class === InvalidRequestError) return new Class("PATCH /x", "key is not a UUID");
    if (Class === MissingCredentialError) return new Class("createX: `token` is required", "missing");
    return new Class(details);
  });
}

describe("JSON of every error", () => {
  test("the runtime exports at least its fifteen error classes", () => {
    expect(everyError().length).toBeGreaterThanOrEqual(15);
  });

  test.each(everyError().map((error) => [error.name, error]))(
    "%s serialises its name and message",
    (_, error) => {
      const json = JSON.parse(JSON.stringify(error));
      expect(json.name).toBe(error.name);
      expect(json.message).toBe(error.message);
      expect(json.message).not.toBe("");
    },
  );

  test("an ApiError keeps its fields and leaves the response out", () => {
    const json = JSON.parse(JSON.stringify(new ApiError({ ...details, response: new Response("") })));
    expect(json).toMatchObject({ status: 404, requestId: "req-1", path: "/contacts" });
    expect(json).not.toHaveProperty("response");
  });
});

describe("checkCredential", () => {
  test.each([
    [undefined, "is required"],
    ["", "is required"],
    ["   ", "is required"],
    [42, "is required"],
    ["secret\u0000token", "has characters an HTTP header cannot carry"],
    ["secret-token\n", "has leading or trailing whitespace"],
    ["secret\ntoken", "has characters an HTTP header cannot carry"],
    ["secret-tøken-\u20ac", "has characters an HTTP header cannot carry"],
    [" secret-token", "has leading or trailing whitespace"],
    ["secret-token ", "has leading or trailing whitespace"],
  ])("refuses %j with MissingCredentialError, naming the option and never the value", (credential, says) => {
    const error = (() => {
      try {
        checkCredential(credential, "createX: `token`");
      } catch (caught) {
        return caught as MissingCredentialError;
      }
    })();
    expect(error).toBeInstanceOf(MissingCredentialError);
    expect(error?.message).toBe(`createX: \`token\` ${says}`);
  });

  test("accepts a header-safe credential", () => {
    expect(() => checkCredential("secret-token", "createX: `token`")).not.toThrow();
  });
});
