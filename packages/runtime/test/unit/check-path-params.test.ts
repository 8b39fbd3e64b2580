// The runtime refuses a path value that would take a call to another path (the conformance suite
// shows it on the wire: test/conformance/cases/path.ts).
import { describe, expect, test } from "vitest";
import { checkPathParams } from "../../src/check-path-params.js";
import { InvalidRequestError } from "../../src/index.js";

const OPERATION = "DELETE /conversations/{conversationId}/tags/{tagId}";

describe("checkPathParams", () => {
  test.each([
    ["..", 'path parameter `tagId` is "..", which would reach another path'],
    [".", 'path parameter `tagId` is ".", which would reach another path'],
    ["", 'path parameter `tagId` is "", which would reach another path'],
    [undefined, "path parameter `tagId` is missing"],
    [null, "path parameter `tagId` is missing"],
  ])("refuses %j, naming the operation and the parameter", (tagId, problem) => {
    const refuse = () =>
      checkPathParams("DELETE", "/conversations/{conversationId}/tags/{tagId}", { conversationId: 4, tagId });
    expect(refuse).toThrow(InvalidRequestError);
    expect(refuse).toThrow(`${OPERATION}: ${problem}; nothing was sent`);
  });

  test("accepts values that only contain dots, and any number", () => {
    for (const tagId of ["...", "a..", "..b", ".hidden", 0, -1]) {
      expect(() => checkPathParams("GET", "/tags/{tagId}", { tagId })).not.toThrow();
    }
  });

  test("accepts a path without parameters, whatever the values", () => {
    expect(() => checkPathParams("GET", "/tags", undefined)).not.toThrow();
  });
});
