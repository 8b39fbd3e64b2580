import { describe, expect, test } from "vitest";
import { createDixaClient, DIXA_BASE_URL, MissingCredentialError } from "../../src/index.js";

/** A `fetch` that answers from a list of statuses and records what it was sent. */
function scriptedFetch(...statuses: number[]) {
  const sent: { url: string; method: string; authorization: string | null; at: number }[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    sent.push({
      url: request.url,
      method: request.method,
      authorization: request.headers.get("authorization"),
      at: performance.now(),
    });
    const status = statuses[Math.min(sent.length - 1, statuses.length - 1)] ?? 200;
    return status === 204 ? new Response(null, { status }) : Response.json({ data: [] }, { status });
  };
  return { fetch: fetch as typeof globalThis.fetch, sent };
}

const fastRetry = { minDelay: 1, maxDelay: 1 };

describe("createDixaClient", () => {
  test.each([undefined, ""])("rejects a missing or empty apiKey (%j) naming the option", (apiKey) => {
    expect(() => createDixaClient({ apiKey } as never)).toThrow(MissingCredentialError);
    expect(() => createDixaClient({ apiKey } as never)).toThrow(/`apiKey` is required/);
  });

  test("sends the raw key, without Bearer, to the beta API by default", async () => {
    const { fetch, sent } = scriptedFetch(200);
    const client = createDixaClient({ apiKey: "key-123", fetch });
    await client.GET("/custom-attributes");
    expect(sent).toEqual([
      expect.objectContaining({ url: `${DIXA_BASE_URL}/custom-attributes`, authorization: "key-123" }),
    ]);
  });

  test("retries the custom-attribute PATCH but not an anonymize PATCH", async () => {
    const upsert = scriptedFetch(503, 200);
    await createDixaClient({ apiKey: "k", fetch: upsert.fetch, retry: fastRetry }).PATCH(
      "/conversations/{conversationId}/custom-attributes",
      { params: { path: { conversationId: 100 } }, body: { "2f5515b6-7e98-4f4d-9010-bfd2a27d4f35": "x" } },
    );
    expect(upsert.sent).toHaveLength(2);

    const anonymize = scriptedFetch(503, 200);
    await createDixaClient({ apiKey: "k", fetch: anonymize.fetch, retry: fastRetry }).PATCH(
      "/conversations/{conversationId}/anonymize",
      { params: { path: { conversationId: 100 }, query: {} } },
    );
    expect(anonymize.sent).toHaveLength(1);
  });

  test("holds calls beyond the burst of 4 to Dixa's 10 requests per second", async () => {
    const { fetch, sent } = scriptedFetch(200);
    const client = createDixaClient({ apiKey: "k", fetch });
    const start = performance.now();
    await Promise.all(Array.from({ length: 6 }, () => client.GET("/custom-attributes")));
    // Note: only the lower bound is asserted, so a busy machine cannot make this flaky.
    expect(sent).toHaveLength(6);
    expect(performance.now() - start).toBeGreaterThanOrEqual(190);
  });

  test("lets rateLimit: false switch the limit off", async () => {
    const { fetch, sent } = scriptedFetch(200);
    const client = createDixaClient({ apiKey: "k", fetch, rateLimit: false });
    const calls = Promise.all(Array.from({ length: 6 }, () => client.GET("/custom-attributes")));
    // Note: all six go out before any timer could fire (a limiter would hold two for 100 ms and more),
    // which no load can change.
    await new Promise((resolve) => setImmediate(resolve));
    expect(sent).toHaveLength(6);
    await calls;
  });
});
