// Backfills against a scripted Alpharun + Dixa: accounting, checkpoints, streaming, 429 bursts.
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { type BackfillReport, RateLimiter } from "../../src/index.js";
import { scenario, standardAttributes, writes } from "../support/fixtures.js";
import type { RecordedRequest } from "../support/scripted-server.js";
import { addCustomer, attributesOf, type World } from "../support/world.js";

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "cxkit-backfill-"));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** `count` customers of one contact (alt:ext_id:contact-1), each with their own end user and conversation. */
function customers(world: World, count: number) {
  standardAttributes(world);
  return Array.from({ length: count }, (_, i) =>
    addCustomer(world, { customer_satisfaction_score: i, issue_resolved: i % 2 === 0 }),
  );
}

const dixaPatches = (requests: RecordedRequest[]) =>
  requests.filter(
    (request) => request.api === "dixa" && request.method === "PATCH" && request.status === 200,
  );

function accounted(report: BackfillReport): number {
  return report.applied + report.skipped + report.failed + report.planned;
}

describe("backfillContact", () => {
  test("accounts for every interaction of the contact exactly once: applied, skipped or failed", async () => {
    let made: ReturnType<typeof customers> = [];
    const { cx, world, server } = await scenario((w) => {
      made = customers(w, 5);
    });
    const unknown = addCustomer(world, { customer_satisfaction_score: 1 }, { inDixa: false });
    const rejected = addCustomer(world, { customer_satisfaction_score: 1 });
    server.script({
      api: "dixa",
      method: "PATCH",
      path: new RegExp(`/conversations/${rejected.conversationId}/`),
      status: 400,
      body: { message: "Invalid value for: body" },
    });

    const report = await cx.backfillContact("alt:ext_id:contact-1", { concurrency: 3 });

    expect(report).toMatchObject({ total: 7, applied: 5, skipped: 1, failed: 1, resumed: 0, aborted: false });
    expect(accounted(report)).toBe(report.total);
    expect(report.skipReasons).toEqual({ "end-user-not-found": 1 });
    expect(report.failures).toEqual([
      {
        interactionId: rejected.interactionId,
        error: expect.objectContaining({ stage: "patch-conversation", status: 400 }),
      },
    ]);
    for (const { conversationId } of made) {
      expect(attributesOf(world, conversationId as number)).toHaveProperty("customer_satisfaction_score");
    }
    expect(unknown.conversationId).toBeUndefined();
    // Note: the listed interactions are synced as listed, without fetching each again.
    expect(
      server.requests.filter((request) => request.api === "alpharun" && request.method === "GET"),
    ).toHaveLength(1);
  });

  test("pages through a contact with more interactions than one page holds", async () => {
    const { cx } = await scenario((w) => {
      customers(w, 230);
    });

    const report = await cx.backfillContact("alt:ext_id:contact-1", { concurrency: 8, dryRun: true });

    expect(report).toMatchObject({ total: 230, planned: 230, dryRun: true });
  }, 240_000);

  test("re-running a finished backfill without a checkpoint writes nothing new", async () => {
    const { cx, server } = await scenario((w) => {
      customers(w, 6);
    });
    await cx.backfillContact("alt:ext_id:contact-1");
    const before = writes(server).length;

    const again = await cx.backfillContact("alt:ext_id:contact-1");

    expect(again).toMatchObject({ total: 6, applied: 0, skipped: 6, skipReasons: { unchanged: 6 } });
    expect(writes(server)).toHaveLength(before);
  });

  test("a dry run writes nothing and records nothing in the checkpoint", async () => {
    const { cx, server } = await scenario((w) => {
      customers(w, 3);
    });
    const checkpoint = join(dir, "dry.jsonl");

    const report = await cx.backfillContact("alt:ext_id:contact-1", { dryRun: true, checkpoint });

    expect(report).toMatchObject({ total: 3, planned: 3 });
    expect(writes(server)).toEqual([]);
    await expect(readFile(checkpoint, "utf8")).rejects.toThrow(/ENOENT/);
  });
});

describe("checkpoints", () => {
  test("re-running a finished backfill with its checkpoint writes nothing and reports every item from the checkpoint", async () => {
    const { cx, server } = await scenario((w) => {
      customers(w, 5);
    });
    const checkpoint = join(dir, "run.jsonl");
    const first = await cx.backfillContact("alt:ext_id:contact-1", { checkpoint });
    const requestsBefore = server.requests.length;

    const second = await cx.backfillContact("alt:ext_id:contact-1", { checkpoint });

    expect(first).toMatchObject({ total: 5, applied: 5, resumed: 0 });
    expect(second).toMatchObject({ total: 5, applied: 5, resumed: 5, failed: 0 });
    // only the listing of the contact's interactions; no Dixa call, no write
    expect(
      server.requests.slice(requestsBefore).map((request) => `${request.api} ${request.method}`),
    ).toEqual(["alpharun GET"]);
    const lines = (await readFile(checkpoint, "utf8")).trim().split("\n");
    expect(lines).toHaveLength(5);
  });

  test("a re-run retries the interactions that failed and keeps the others", async () => {
    let made: ReturnType<typeof customers> = [];
    const { cx, world, server } = await scenario((w) => {
      made = customers(w, 4);
    });
    const flaky = made[2] as (typeof made)[number];
    server.script({
      api: "dixa",
      method: "PATCH",
      path: new RegExp(`/conversations/${flaky.conversationId}/`),
      times: 1,
      status: 400,
      body: { message: "no" },
    });
    const checkpoint = join(dir, "retry.jsonl");

    const first = await cx.backfillContact("alt:ext_id:contact-1", { checkpoint });
    const second = await cx.backfillContact("alt:ext_id:contact-1", { checkpoint });

    expect(first).toMatchObject({ total: 4, applied: 3, failed: 1 });
    expect(second).toMatchObject({ total: 4, applied: 4, failed: 0, resumed: 3 });
    expect(attributesOf(world, flaky.conversationId as number)).toHaveProperty(
      "customer_satisfaction_score",
      "2",
    );
    expect(dixaPatches(server.requests)).toHaveLength(4);
  });

  test("backfill(ids) accounts for an id listed twice only once when a checkpoint is kept", async () => {
    let made: ReturnType<typeof customers> = [];
    const { cx } = await scenario((w) => {
      made = customers(w, 3);
    });
    const ids = made.map((customer) => customer.interactionId);

    const report = await cx.backfill([...ids, ids[0] as string], { checkpoint: join(dir, "ids.jsonl") });

    expect(report).toMatchObject({ total: 3, applied: 3 });
  });
});

describe("rate limits", () => {
  test("finishes through a burst of Dixa 429s mid-backfill, waiting Retry-After and staying within the rate limit", async () => {
    let made: ReturnType<typeof customers> = [];
    // When each Dixa request leaves the client: right after the rate limiter lets it go.
    const sentToDixa: number[] = [];
    const send: typeof fetch = (input, init) => {
      if (String(input instanceof Request ? input.url : input).includes("/dixa/")) {
        sentToDixa.push(performance.now());
      }
      return fetch(input, init);
    };
    // When the first Dixa request asked the limiter for a slot: no slot can start before it.
    let firstAsked: number | undefined;
    class RecordingLimiter extends RateLimiter {
      override acquire(signal?: AbortSignal) {
        firstAsked ??= performance.now();
        return super.acquire(signal);
      }
    }
    const { cx, server } = await scenario(
      (w) => {
        made = customers(w, 12);
      },
      {
        retry: { retries: 4, minDelay: 20 },
        dixa: { rateLimit: new RecordingLimiter({ requestsPerSecond: 20, burst: 4 }) },
        fetch: send,
      },
    );
    server.script({
      api: "dixa",
      after: 15,
      times: 6,
      status: 429,
      headers: { "retry-after": "1" },
      body: { message: "Too Many Requests" },
    });

    const report = await cx.backfillContact("alt:ext_id:contact-1", { concurrency: 4 });

    expect(report).toMatchObject({ total: 12, applied: 12, skipped: 0, failed: 0 });
    const dixa = server.requests.filter((request) => request.api === "dixa");
    const throttled = dixa.filter((request) => request.status === 429);
    expect(throttled).toHaveLength(6);
    const same = (a: RecordedRequest, b: RecordedRequest) =>
      a !== b && a.method === b.method && a.path === b.path && a.query.toString() === b.query.toString();
    for (const rejected of throttled) {
      const retried = dixa.find((request) => request.at >= rejected.at && same(request, rejected));
      expect(retried, `${rejected.method} ${rejected.path} was sent again`).toBeDefined();
      expect((retried as RecordedRequest).at - rejected.at).toBeGreaterThanOrEqual(950);
    }
    // Within the limit: the k-th request (retries included) leaves no sooner than its slot, 50 ms
    // apart after a burst of 4, counted from the first request for a slot (not from the first send,
    // which a busy machine may delay past its slot). Only lower bounds, which load can only widen.
    expect(sentToDixa).toHaveLength(dixa.length);
    sentToDixa.forEach((at, k) => {
      expect(at - (firstAsked as number)).toBeGreaterThanOrEqual((k - 3) * 50 - 1);
    });
    for (const { conversationId } of made) {
      const patches = dixaPatches(server.requests).filter((request) =>
        request.path.includes(`/${conversationId}/`),
      );
      expect(patches).toHaveLength(1);
    }
  });
});

describe("streaming", () => {
  test("pulls ids only as workers free up, never more than `concurrency` ahead", async () => {
    let made: ReturnType<typeof customers> = [];
    const { cx } = await scenario((w) => {
      made = customers(w, 40);
    });
    let pulled = 0;
    let finished = 0;
    let mostAhead = 0;
    async function* ids() {
      for (const customer of made) {
        pulled += 1;
        mostAhead = Math.max(mostAhead, pulled - finished);
        yield customer.interactionId;
      }
    }

    const report = await cx.backfill(ids(), {
      concurrency: 3,
      onItem: () => {
        finished += 1;
      },
    });

    expect(report.total).toBe(40);
    expect(mostAhead).toBeLessThanOrEqual(3);
  });

  test("keeps the report's size fixed however many interactions fail", async () => {
    const { cx, server } = await scenario((w) => {
      customers(w, 30);
    });
    server.script({ api: "dixa", method: "PATCH", status: 400, body: { message: "no" } });

    const report = await cx.backfillContact("alt:ext_id:contact-1", { maxListedFailures: 5, concurrency: 6 });

    expect(report).toMatchObject({ total: 30, failed: 30, unlistedFailures: 25 });
    expect(report.failures).toHaveLength(5);
  });

  test("stops taking interactions when its signal aborts, and accounts for those finished", async () => {
    const { cx } = await scenario((w) => {
      customers(w, 20);
    });
    const controller = new AbortController();

    const report = await cx.backfillContact("alt:ext_id:contact-1", {
      concurrency: 2,
      signal: controller.signal,
      onProgress: (progress) => {
        if (progress.done === 5) controller.abort();
      },
    });

    expect(report.aborted).toBe(true);
    expect(report.total).toBeGreaterThanOrEqual(5);
    expect(report.total).toBeLessThan(20);
    expect(accounted(report)).toBe(report.total);
  });
});
