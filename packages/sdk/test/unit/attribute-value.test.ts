import { describe, expect, test } from "vitest";
import { toAttributeValue } from "../../src/alpharun-to-dixa/attribute-value.js";
import { selectAttribute, textAttribute } from "../support/world.js";

const text = textAttribute("score");
const yesNo = selectAttribute("resolved", [
  { value: "yes", label: "Yes" },
  { value: "no", label: "No" },
]);
const trueFalse = selectAttribute("flag", [{ value: "TRUE" }, { value: "FALSE" }]);
const ratings = selectAttribute("rating", [
  { value: "1", label: "One" },
  { value: "5", label: "Five" },
  { value: "old", label: "Old", isDeactivated: true },
]);
const nested = selectAttribute("reason", [
  { value: "payment", label: "Payment", nested: ["card", "invoice"] },
]);

describe("Text attributes", () => {
  test.each([
    ["a string as is", "hello", "hello"],
    ["a number with String()", 4.5, "4.5"],
    ["an integer without decimals", 3, "3"],
    ["true as the text true", true, "true"],
    ["false as the text false", false, "false"],
    ["null as null, clearing the attribute", null, null],
  ])("writes %s", (_, value, expected) => {
    expect(toAttributeValue(text, value)).toEqual({ ok: true, value: expected });
  });

  test("skips a non-finite number and an option path", () => {
    expect(toAttributeValue(text, Number.NaN)).toMatchObject({
      ok: false,
      reason: { code: "unsupported-value" },
    });
    expect(toAttributeValue(text, ["a", "b"])).toEqual({
      ok: false,
      reason: {
        code: "unsupported-value",
        message: '["a", "b"] cannot be written to the Text attribute "score"',
      },
    });
  });
});

describe("Select attributes", () => {
  test("matches a value or a label, case-insensitively, and writes the option value", () => {
    expect(toAttributeValue(yesNo, "YES")).toEqual({ ok: true, value: ["yes"] });
    expect(toAttributeValue(ratings, "five")).toEqual({ ok: true, value: ["5"] });
  });

  test("matches a number against the option values", () => {
    expect(toAttributeValue(ratings, 5)).toEqual({ ok: true, value: ["5"] });
  });

  test("maps booleans to yes/no or true/false options, whichever exist", () => {
    expect(toAttributeValue(yesNo, true)).toEqual({ ok: true, value: ["yes"] });
    expect(toAttributeValue(yesNo, false)).toEqual({ ok: true, value: ["no"] });
    expect(toAttributeValue(trueFalse, true)).toEqual({ ok: true, value: ["TRUE"] });
  });

  test("finds a nested option and writes its path", () => {
    expect(toAttributeValue(nested, "card")).toEqual({ ok: true, value: ["payment", "card"] });
  });

  test("checks an explicit path step by step", () => {
    expect(toAttributeValue(nested, ["Payment", "INVOICE"])).toEqual({
      ok: true,
      value: ["payment", "invoice"],
    });
    expect(toAttributeValue(nested, ["payment", "cash"])).toMatchObject({
      ok: false,
      reason: { code: "no-matching-option" },
    });
  });

  test("does not match a deactivated option, and lists the active ones", () => {
    expect(toAttributeValue(ratings, "old")).toEqual({
      ok: false,
      reason: {
        code: "no-matching-option",
        message: 'no active option of the Select attribute "rating" matches "old" (valid: 1, 5)',
      },
    });
  });

  test("names a number that matches no option, e.g. a score that needs rounding", () => {
    expect(toAttributeValue(ratings, 4.5)).toMatchObject({
      ok: false,
      reason: { message: expect.stringContaining("matches 4.5 (valid: 1, 5)") },
    });
  });

  test("clears with null", () => {
    expect(toAttributeValue(yesNo, null)).toEqual({ ok: true, value: null });
  });
});
