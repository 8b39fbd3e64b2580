// How every message quotes a value a user gave: whole when short, else its first 80 characters and its length.
import { describe, expect, test } from "vitest";
import { describeValue, MAX_QUOTED_CHARS, quoteInput } from "../../src/index.js";

describe("quoteInput", () => {
  test("quotes a value of up to 80 characters whole", () => {
    const value = "a".repeat(MAX_QUOTED_CHARS);

    expect(quoteInput(value)).toBe(`"${value}"`);
    expect(quoteInput("")).toBe('""');
  });

  test("cuts a longer value after 80 characters and gives its full length", () => {
    expect(quoteInput("a".repeat(10_000))).toBe(`"${"a".repeat(80)}…" (10000 characters)`);
    expect(quoteInput("b".repeat(81))).toBe(`"${"b".repeat(80)}…" (81 characters)`);
  });

  test("keeps the quoted value on one line, escaping line breaks and quotes", () => {
    expect(quoteInput('id\n"x"')).toBe('"id\\n\\"x\\""');
    expect(quoteInput(`${"\n".repeat(100)}`)).not.toMatch(/\n/);
  });

  test("never cuts a character in half", () => {
    const value = `${"a".repeat(79)}😀${"b".repeat(20)}`;

    expect(quoteInput(value)).toBe(`"${"a".repeat(79)}…" (${value.length} characters)`);
  });
});

describe("describeValue", () => {
  test("quotes strings through quoteInput and names other values by kind", () => {
    expect(describeValue("x".repeat(500))).toBe(quoteInput("x".repeat(500)));
    expect(describeValue(() => {})).toBe("a function");
    expect(describeValue({ token: "secret" })).toBe("an object");
    expect(describeValue(-5)).toBe("-5");
  });
});
