import { preferCode } from "@cxkit/mocks";
import { useMocks } from "@cxkit/mocks/vitest";
import { createCx } from "@cxkit/sdk";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createInterviewSyncService } from "../src/interview-sync-service.js";
import { serve } from "../src/server.js";

const mocks = useMocks();

const INTERVIEW = "11111111-2222-3333-4444-555555555555";

function service(alpharunHeaders: Record<string, string> = {}) {
  return createInterviewSyncService(
    createCx({
      alpharun: { token: "test-token", baseUrl: mocks.alpharun, headers: alpharunHeaders },
      dixa: { apiKey: "test-key", baseUrl: mocks.dixa },
    }),
  );
}

const post = (path: string, body?: string) =>
  new Request(`http://service${path}`, { method: "POST", body: body ?? null });

describe("POST /conversations/:conversationId/interviews/:interactionId", () => {
  test("syncs the interview's extracted fields and reports each one", async () => {
    const response = await service()(post(`/conversations/4242/interviews/${INTERVIEW}`));
    expect(response.status).toBe(200);
    // Note: the Dixa mock defines Conversation attributes with the interview's field keys, so both
    // fields land on the conversation.
    expect(await response.json()).toEqual({
      interactionId: INTERVIEW,
      conversationId: expect.any(Number),
      status: "applied",
      fields: [
        { key: "customer_satisfaction_score", status: "applied" },
        { key: "issue_resolved", status: "applied" },
      ],
    });
  });

  test("answers 400 naming the id when the interview id is not a UUID", async () => {
    const response = await service()(post("/conversations/4242/interviews/not-an-id"));
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: expect.stringContaining("interactionId must be a UUID") });
  });

  test("answers 502 with the failing stage when Alpharun does not know the interview", async () => {
    const response = await service(preferCode(404))(post(`/conversations/4242/interviews/${INTERVIEW}`));
    expect(response.status).toBe(502);
    expect(await response.json()).toMatchObject({
      status: "failed",
      error: expect.stringMatching(/^fetch-interaction/),
    });
  });
});

test("POST /webhooks/alpharun rejects a body that is not an Alpharun webhook with 400", async () => {
  const response = await service()(
    post("/webhooks/alpharun", JSON.stringify({ event_type: "contact.created" })),
  );
  expect(response.status).toBe(400);
  expect((await response.json()).error).toMatch(/unsupported webhook event "contact.created"/);
});

describe("over HTTP", () => {
  let url: string;
  let close: () => Promise<void>;
  beforeAll(async () => {
    const server = await serve(service());
    url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
    close = () => new Promise((done) => server.close(() => done()));
  });
  afterAll(() => close());

  test("serves the same handler on a loopback port", async () => {
    const response = await fetch(`${url}/conversations/4242/interviews/${INTERVIEW}`, { method: "POST" });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/application\/json/);
    expect(await fetch(`${url}/nowhere`, { method: "POST" }).then((r) => r.status)).toBe(404);
  });
});
