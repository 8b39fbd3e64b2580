import { describe, expect, test } from "vitest";
import { firstNonUuidKey } from "../../src/custom-attribute-keys.js";
import { createDixaClient, InvalidRequestError } from "../../src/index.js";

const ATTRIBUTE_ID = "2f5515b6-7e98-4f4d-9010-bfd2a27d4f35";
const CONVERSATION_OPERATION = "PATCH /conversations/{conversationId}/custom-attributes";

/** A client whose `fetch` records every request it is handed and answers 200. */
function recordingClient() {
  const sent: string[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    sent.push(`${request.method} ${new URL(request.url).pathname}`);
    return Response.json({ data: [] });
  };
  return { dixa: createDixaClient({ apiKey: "k", fetch: fetch as typeof globalThis.fetch }), sent };
}

describe("firstNonUuidKey", () => {
  test("finds the first key that is not a UUID, in any case", () => {
    expect(firstNonUuidKey({ [ATTRIBUTE_ID]: "x", [ATTRIBUTE_ID.toUpperCase()]: "y" })).toBeUndefined();
    expect(firstNonUuidKey({ [ATTRIBUTE_ID]: "x", parcel_id: "y", "": "z" })).toBe("parcel_id");
    expect(firstNonUuidKey({ [`urn:uuid:${ATTRIBUTE_ID}`]: "x" })).toBe(`urn:uuid:${ATTRIBUTE_ID}`);
  });
});

describe("custom-attribute keys", () => {
  test("refuses a conversation patch keyed by identifier, naming key and operation, and sends nothing", async () => {
    const { dixa, sent } = recordingClient();
    const call = dixa.PATCH("/conversations/{conversationId}/custom-attributes", {
      params: { path: { conversationId: 100 } },
      body: { [ATTRIBUTE_ID]: "012345", parcel_id: "x" },
    });
    await expect(call).rejects.toThrow(InvalidRequestError);
    await expect(call).rejects.toMatchObject({
      operation: CONVERSATION_OPERATION,
      message: expect.stringMatching(
        /^PATCH \/conversations\/\{conversationId\}\/custom-attributes: .*"parcel_id" is not a UUID.*nothing was sent$/,
      ),
    });
    expect(sent).toEqual([]);
  });

  test("quotes a 10,000-character key as its first 80 characters and its length", async () => {
    const { dixa, sent } = recordingClient();
    const key = "k".repeat(10_000);
    const call = dixa.PATCH("/conversations/{conversationId}/custom-attributes", {
      params: { path: { conversationId: 100 } },
      body: { [key]: "x" },
    });
    const error = (await call.catch((thrown: unknown) => thrown)) as InvalidRequestError;
    expect(error).toBeInstanceOf(InvalidRequestError);
    expect(error.message).toContain(`key "${"k".repeat(80)}…" (10000 characters) is not a UUID`);
    expect(error.message.length).toBeLessThan(400);
    expect(sent).toEqual([]);
  });

  test("refuses an end-user patch sent through request(), whatever the method's case", async () => {
    const { dixa, sent } = recordingClient();
    const call = dixa.request("patch", "/endusers/{userId}/custom-attributes", {
      params: { path: { userId: "434ce9f5-14c8-4be1-a0a8-f755010deb9b" } },
      body: { loyalty_number: "abc" },
    });
    await expect(call).rejects.toMatchObject({
      name: "InvalidRequestError",
      operation: "PATCH /endusers/{userId}/custom-attributes",
    });
    expect(sent).toEqual([]);
  });

  test("sends a patch keyed by attribute ids, null clears included", async () => {
    const { dixa, sent } = recordingClient();
    const { response } = await dixa.PATCH("/conversations/{conversationId}/custom-attributes", {
      params: { path: { conversationId: 100 } },
      body: { [ATTRIBUTE_ID]: null, [ATTRIBUTE_ID.toUpperCase()]: ["a", "b"] },
    });
    expect(response.status).toBe(200);
    expect(sent).toEqual(["PATCH /beta/conversations/100/custom-attributes"]);
  });

  test("leaves other operations alone, whatever their body's keys", async () => {
    const { dixa, sent } = recordingClient();
    await dixa.PATCH("/endusers/{userId}", {
      params: { path: { userId: "434ce9f5-14c8-4be1-a0a8-f755010deb9b" } },
      body: { displayName: "Alice" },
    });
    await dixa.request("put", "/conversations/{conversationId}/claim", {
      params: { path: { conversationId: 100 } },
      body: { agentId: "5a556159-9c21-4f3e-a44f-d323deb80d16" },
    });
    expect(sent).toHaveLength(2);
  });
});
