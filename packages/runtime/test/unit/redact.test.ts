// The redactor on its own, and the guard that keeps a malformed token out of platform error messages.
import { inspect } from "node:util";
import { describe, expect, test } from "vitest";
import { assertHeaderSafe, createRedactor, REDACTED } from "../../src/index.js";

const SECRET = "tok_abcdef123456";
const redactor = createRedactor([SECRET, ""]);

describe("createRedactor", () => {
  test("replaces every occurrence in a string", () => {
    expect(redactor.string(`Bearer ${SECRET}, again ${SECRET}`)).toBe(
      `Bearer ${REDACTED}, again ${REDACTED}`,
    );
    expect(redactor.string("nothing to hide")).toBe("nothing to hide");
  });

  test("replaces a longer secret whole before a shorter one inside it", () => {
    const nested = createRedactor(["abc", "xxabcxx"]);
    expect(nested.string("xxabcxx abc")).toBe(`${REDACTED} ${REDACTED}`);
  });

  test("replaces a short credential only where it stands whole, never inside a word", () => {
    const short = createRedactor(["t"]);
    expect(short.string("Contact not found")).toBe("Contact not found");
    expect(short.string("Bearer t, token=t; [t] t-shirt")).toBe(
      `Bearer ${REDACTED}, token=${REDACTED}; [${REDACTED}] t-shirt`,
    );
    expect(createRedactor(["a.b*"]).string("a.b* ab a.b*c")).toBe(`${REDACTED} ab a.b*c`);
    // From 8 characters on, a credential is replaced wherever it appears, as before.
    expect(createRedactor(["abcd1234"]).string("xabcd1234y")).toBe(`x${REDACTED}y`);
  });

  test("copies a JSON-like body with the secret replaced in every string, keys included", () => {
    const body = { message: `bad ${SECRET}`, list: [SECRET, 1, null], [SECRET]: true };
    const copy = redactor.value(body);
    expect(copy).toEqual({ message: `bad ${REDACTED}`, list: [REDACTED, 1, null], [REDACTED]: true });
    expect(body.message).toBe(`bad ${SECRET}`);
  });

  test("always hides sensitive headers, and the secret in any other", () => {
    const headers = new Headers({
      authorization: "Bearer other",
      cookie: "a=b",
      "x-note": `k=${SECRET}`,
      accept: "*/*",
    });
    expect(redactor.headers(headers)).toEqual({
      authorization: REDACTED,
      cookie: REDACTED,
      "x-note": `k=${REDACTED}`,
      accept: "*/*",
    });
  });

  test("copies an error chain with messages and stacks redacted and other properties dropped", () => {
    const inner = Object.assign(new Error(`socket said ${SECRET}`), {
      code: "ECONNRESET",
      socket: { token: SECRET },
    });
    const outer = new TypeError(`fetch failed for ${SECRET}`, { cause: inner });
    const copy = redactor.error(outer);
    expect(copy.name).toBe("TypeError");
    expect(copy.message).toBe(`fetch failed for ${REDACTED}`);
    expect((copy.cause as Error & { code: string }).code).toBe("ECONNRESET");
    expect(inspect(copy, { depth: Number.POSITIVE_INFINITY, showHidden: true })).not.toContain(SECRET);
  });
});

describe("assertHeaderSafe", () => {
  test("rejects a secret with a line break without echoing it", () => {
    expect(() => assertHeaderSafe(`${SECRET}\n`, "token")).toThrow(
      "token has characters an HTTP header cannot carry",
    );
    try {
      assertHeaderSafe(`${SECRET}\r\nX: y`, "token");
    } catch (error) {
      expect(String(error)).not.toContain(SECRET);
    }
  });

  test("accepts an ordinary token", () => {
    expect(() => assertHeaderSafe(SECRET, "token")).not.toThrow();
  });
});
