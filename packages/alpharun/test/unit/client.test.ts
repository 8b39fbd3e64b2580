import { describe, expect, test } from "vitest";
import { ALPHARUN_BASE_URL, createAlpharunClient, MissingCredentialError } from "../../src/index.js";

const INTERACTION = "0b6e3f1a-5c2d-4e8f-9a7b-1c2d3e4f5a6b";

/** A `fetch` that answers from a list of statuses and records what it was sent. */
function scriptedFetch(...statuses: number[]) {
  const sent: { url: string; method: string; authorization: string | null; body: string }[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    sent.push({
      url: request.url,
      method: request.method,
      authorization: request.headers.get("authorization"),
      body: await request.text(),
    });
    const status = statuses[Math.min(sent.length - 1, statuses.length - 1)] ?? 200;
    return Response.json({ data: { customer_interaction: { id: INTERACTION } } }, { status });
  };
  return { fetch: fetch as typeof globalThis.fetch, sent };
}

const fastRetry = { minDelay: 1, maxDelay: 1 };

describe("createAlpharunClient", () => {
  test.each([undefined, "", "   "])("rejects a missing or empty token (%j) naming the option", (token) => {
    expect(() => createAlpharunClient({ token } as never)).toThrow(MissingCredentialError);
    expect(() => createAlpharunClient({ token } as never)).toThrow(/`token` is required/);
  });

  test("rejects a token an HTTP header cannot carry without echoing it", () => {
    const token = "secret-abc\nInjected: yes";
    const error = (() => {
      try {
        createAlpharunClient({ token });
      } catch (caught) {
        return caught as Error;
      }
    })();
    expect(error).toBeInstanceOf(MissingCredentialError);
    expect(error?.message).not.toContain("secret-abc");
  });

  test("sends the token as a bearer token to the spec's server by default", async () => {
    const { fetch, sent } = scriptedFetch(200);
    const client = createAlpharunClient({ token: "tok", fetch });
    await client.GET("/customer-interactions/{CUSTOMER_INTERACTION_ID}", {
      params: { path: { CUSTOMER_INTERACTION_ID: INTERACTION } },
    });
    expect(sent).toEqual([
      expect.objectContaining({
        url: `${ALPHARUN_BASE_URL}/customer-interactions/${INTERACTION}`,
        method: "GET",
        authorization: "Bearer tok",
      }),
    ]);
  });

  test("retries the custom-field PATCH, a partial upsert, with the same body", async () => {
    const { fetch, sent } = scriptedFetch(503, 503, 200);
    const client = createAlpharunClient({ token: "tok", fetch, retry: fastRetry });
    const { response } = await client.PATCH("/customer-interactions/{CUSTOMER_INTERACTION_ID}", {
      params: { path: { CUSTOMER_INTERACTION_ID: INTERACTION } },
      body: { custom_fields: [{ key: "priority", value: "high" }] },
    });
    expect(response.status).toBe(200);
    expect(sent.map((request) => request.body)).toEqual(
      Array(3).fill(JSON.stringify({ custom_fields: [{ key: "priority", value: "high" }] })),
    );
  });

  test("does not retry creating a contact (a POST) unless asked", async () => {
    const { fetch, sent } = scriptedFetch(503, 200);
    const client = createAlpharunClient({ token: "tok", fetch, retry: fastRetry });
    const { response } = await client.POST("/contacts", { body: { email: "ada@example.com" } });
    expect(response.status).toBe(503);
    expect(sent).toHaveLength(1);
  });
});
