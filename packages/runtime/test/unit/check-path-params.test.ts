// The runtime refuses a path value that would take a call to another path (the conformance suite
// shows it on the wire: test/conformance/cases/path.ts).
import createClient from "openapi-fetch";
import { describe, expect, test } from "vitest";
import { checkPathParams } from "../../src/check-path-params.js";
import { checkPathValues, InvalidRequestError } from "../../src/index.js";

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

type Paths = {
  "/tags/{tagId}": {
    parameters: { path: { tagId: string } };
    get: { parameters: { path: { tagId: string } }; responses: { 204: { content?: never } } };
    delete: { parameters: { path: { tagId: string } }; responses: { 204: { content?: never } } };
  };
};

describe("checkPathValues", () => {
  /** An openapi-fetch client with the check, and the URLs its `fetch` was given. */
  function checkedClient() {
    const sent: string[] = [];
    const client = createClient<Paths>({
      baseUrl: "http://127.0.0.1:1/api",
      fetch: async (request: Request) => {
        sent.push(request.url);
        return new Response(null, { status: 204 });
      },
    });
    return { client: checkPathValues(client), sent };
  }

  test("rejects a call whose path value would reach another path, naming the operation, and sends nothing", async () => {
    const { client, sent } = checkedClient();
    const call = client.DELETE("/tags/{tagId}", { params: { path: { tagId: ".." } } });
    await expect(call).rejects.toBeInstanceOf(InvalidRequestError);
    await expect(call).rejects.toThrow(
      'DELETE /tags/{tagId}: path parameter `tagId` is "..", which would reach another path; nothing was sent',
    );
    expect(sent).toEqual([]);
  });

  test("rejects a call without any path values, through request() too, with the method upper-cased", async () => {
    const { client, sent } = checkedClient();
    // @ts-expect-error the types require `params.path`; a JavaScript caller can leave it out
    const bare = client.GET("/tags/{tagId}");
    await expect(bare).rejects.toThrow("GET /tags/{tagId}: path parameter `tagId` is missing");
    const viaRequest = client.request("delete", "/tags/{tagId}", { params: { path: { tagId: "" } } });
    await expect(viaRequest).rejects.toThrow('DELETE /tags/{tagId}: path parameter `tagId` is ""');
    expect(sent).toEqual([]);
  });

  test("passes any other call on to openapi-fetch as it is, and returns the same client", async () => {
    const { client, sent } = checkedClient();
    const { response } = await client.GET("/tags/{tagId}", { params: { path: { tagId: "a/.." } } });
    expect(response.status).toBe(204);
    await client.request("delete", "/tags/{tagId}", { params: { path: { tagId: "..." } } });
    expect(sent).toEqual(["http://127.0.0.1:1/api/tags/a%2F..", "http://127.0.0.1:1/api/tags/..."]);
  });
});
