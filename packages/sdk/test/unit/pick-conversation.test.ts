import { describe, expect, test } from "vitest";
import { isMoreRecent, parseDixaTime } from "../../src/alpharun-to-dixa/pick-conversation.js";

const conversation = (id: number, createdAt: string) => ({
  id,
  createdAt,
  requesterId: "u",
  channel: "Email" as const,
});

describe("most recent conversation", () => {
  test("reads Dixa timestamps with a zone suffix", () => {
    expect(parseDixaTime("2021-12-01T12:46:36.581Z[GMT]")).toBe(Date.UTC(2021, 11, 1, 12, 46, 36, 581));
  });

  test("compares by creation time, then by id", () => {
    expect(
      isMoreRecent(conversation(1, "2024-02-01T00:00:00Z"), conversation(2, "2024-01-01T00:00:00Z[GMT]")),
    ).toBe(true);
    expect(
      isMoreRecent(conversation(1, "2024-01-01T00:00:00Z"), conversation(2, "2024-01-01T00:00:00Z")),
    ).toBe(false);
    expect(isMoreRecent(conversation(3, "not a date"), conversation(2, "2024-01-01T00:00:00Z"))).toBe(true);
  });
});
