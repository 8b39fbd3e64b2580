// The live run against loopback servers that answer as a spec does: Prism serving our Dixa spec, Prism
// serving a copy whose responses changed for three operations, our spec with an empty list and a 500,
// and Prism serving our Alpharun spec. One Prism per spec for the file; the runs overlap, since most of
// a Dixa run is waiting on its rate limit.

import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type RunningMock, specPath, startMock } from "@cxkit/mocks";
import { afterAll, beforeAll, expect, test } from "vitest";
import { parse, stringify } from "yaml";
import { contractLive } from "../contract-live.mjs";

type Report = {
  coverage: { line: string; checked: number; safe: number };
  cases: {
    operationId: string;
    outcome: string;
    status?: number;
    reason?: string;
    proxyViolations: unknown[];
  }[];
  drifts: { operationId: string; kind: string; pointer: string }[];
};

/** Three leaf operations (no case takes an id from them) whose 200 answers change shape. */
const CHANGED: Record<string, [path: string, schema: object, example: unknown]> = {
  getTag: [
    "/tags/{tagId}",
    { type: "object", properties: { data: { type: "array" } } },
    { data: ["Active"] },
  ],
  listAgentsPresence: [
    "/agents/presence",
    { type: "array", items: { type: "object" } },
    [{ userId: "agent-1", requestTime: "2026-12-01T10:00:00Z", connectionStatus: "Busy" }],
  ],
  listConversationFlows: [
    "/conversations/flows",
    { type: "object", properties: { flows: { type: "array" } } },
    { flows: [] },
  ],
};

let dir: string;
let mock: RunningMock | undefined;
let changedMock: RunningMock | undefined;
let alpharunMock: RunningMock | undefined;
let front: Server | undefined;
let frontUrl: string;
/** every request the front got, as `"GET /agents?pageLimit=1"` */
const frontSeen: string[] = [];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "contract-live-prism-"));
  const changed = parse(await readFile(specPath("dixa"), "utf8"));
  for (const [path, schema, example] of Object.values(CHANGED)) {
    changed.paths[path].get.responses["200"].content = { "application/json": { schema, example } };
  }
  await writeFile(join(dir, "changed.yaml"), stringify(changed));
  [mock, changedMock, alpharunMock] = await Promise.all([
    startMock("dixa"),
    startMock(join(dir, "changed.yaml")),
    startMock("alpharun"),
  ]);
  front = await startFront(mock.url);
  frontUrl = `http://127.0.0.1:${(front.address() as AddressInfo).port}`;
});

afterAll(async () => {
  front?.closeAllConnections();
  await Promise.all([
    mock?.stop(),
    changedMock?.stop(),
    alpharunMock?.stop(),
    front && new Promise((done) => front?.close(done)),
  ]);
  if (dir) await rm(dir, { recursive: true, force: true });
});

const run = async (upstream: string, out: string): Promise<Report> => {
  const env = { DIXA_BASE_URL: upstream, DIXA_API_KEY: "test-key" };
  await contractLive("dixa", { env, out: join(dir, out), log: () => {} });
  return JSON.parse(await readFile(join(dir, out, "drift-report.json"), "utf8"));
};

test.concurrent("against Prism serving our spec every GET runs and nothing drifts", async () => {
  const report = await run(mock?.url ?? "", "ours");
  expect(report.coverage.line).toBe("24 of 24 safe operations checked, 0 skipped, 0 failed, 0 drifts");
  expect(report.cases.every((run) => run.outcome === "checked" && run.status === 200)).toBe(true);
  expect(report.cases.flatMap((run) => run.proxyViolations)).toEqual([]);
  expect(await readFile(join(dir, "ours", "drift-report.md"), "utf8")).toContain(
    `**${report.coverage.line}**`,
  );
});

test.concurrent("against Prism serving our Alpharun spec every GET runs and nothing drifts", async () => {
  // Note: the ids come from the list examples; a customer interaction id that is not the UUID the
  // path parameter requires gets 422 from Prism (the examples group of specs/alpharun/overlay.yaml).
  const env = { ALPHARUN_BASE_URL: alpharunMock?.url ?? "", ALPHARUN_API_TOKEN: "test-token" };
  await contractLive("alpharun", { env, out: join(dir, "alpharun"), log: () => {} });
  const report: Report = JSON.parse(await readFile(join(dir, "alpharun", "drift-report.json"), "utf8"));
  expect(report.cases.map((run) => [run.operationId, run.outcome, run.status])).toEqual([
    ["listContacts", "checked", 200],
    ["getContact", "checked", 200],
    ["listContactCustomerInteractions", "checked", 200],
    ["getCustomerInteraction", "checked", 200],
    ["getCustomerInteractionTranscripts", "checked", 200],
  ]);
  expect(report.coverage.line).toBe("5 of 5 safe operations checked, 0 skipped, 0 failed, 0 drifts");
  expect(report.cases.flatMap((run) => run.proxyViolations)).toEqual([]);
});

test.concurrent("against Prism serving a changed spec exactly the changed operations drift", async () => {
  const report = await run(changedMock?.url ?? "", "changed");
  expect(report.coverage.checked).toBe(24);
  expect([...new Set(report.drifts.map((drift) => drift.operationId))].sort()).toEqual(Object.keys(CHANGED));
  expect(
    report.cases
      .filter((run) => run.proxyViolations.length > 0)
      .map((run) => run.operationId)
      .sort(),
  ).toEqual(Object.keys(CHANGED));
  const found = report.drifts.map(
    (drift) => `${drift.operationId} ${drift.kind} ${drift.pointer || "(body)"}`,
  );
  expect(found.sort()).toEqual([
    "getTag type-changed /data",
    "listAgentsPresence enum-value /0/connectionStatus",
    "listConversationFlows envelope (body)",
  ]);
});

test.concurrent("an empty list skips the cases that need its ids, and a 500 is reported while the rest run", async () => {
  const report = await run(frontUrl, "gaps");
  const outcome = (id: string) => report.cases.find((run) => run.operationId === id);
  expect(outcome("listWebhookSubscriptions")).toMatchObject({ outcome: "checked", status: 200 });
  for (const dependant of ["getWebhookSubscription", "getWebhookDeliveryStatus", "listWebhookDeliveryLogs"]) {
    expect(outcome(dependant)).toMatchObject({
      outcome: "skipped",
      reason: "no webhook subscription in this account",
    });
  }
  expect(outcome("listAgentsPresence")).toMatchObject({
    outcome: "failed",
    status: 500,
    reason: "answered 500",
  });
  expect(report.coverage.line).toBe(
    "20 of 24 safe operations checked, 3 skipped (no webhook subscription in this account ×3), 1 failed (listAgentsPresence: answered 500), 0 drifts",
  );
  expect(report.drifts).toEqual([]);
  // Safe by construction: 21 GETs (3 had no id to ask with), each list one page of the smallest size.
  expect(frontSeen).toHaveLength(21);
  expect(frontSeen.filter((request) => !request.startsWith("GET /"))).toEqual([]);
  expect(frontSeen.filter((request) => request.includes("?")).sort()).toEqual([
    "GET /agents?pageLimit=1",
    "GET /conversations/activitylog?pageLimit=1",
    expect.stringMatching(/^GET \/endusers\/[^/?]+\/conversations\?pageLimit=1$/),
    "GET /endusers?pageLimit=1",
  ]);
});

/** Our spec's mock behind a front that answers `GET /webhooks` with none and `GET /agents/presence` with a 500. */
async function startFront(upstream: string): Promise<Server> {
  const server = createServer(async (request, response) => {
    frontSeen.push(`${request.method} ${request.url}`);
    const path = new URL(request.url ?? "/", "http://127.0.0.1").pathname;
    if (path === "/webhooks" || path === "/agents/presence") {
      const [status, body] =
        path === "/webhooks" ? [200, { data: [] }] : [500, { message: "Internal failure" }];
      response.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
      return;
    }
    const answer = await fetch(`${upstream}${request.url}`, {
      headers: { authorization: request.headers.authorization ?? "" },
    });
    response
      .writeHead(answer.status, { "content-type": answer.headers.get("content-type") ?? "application/json" })
      .end(await answer.text());
  });
  await new Promise<void>((listening) => server.listen(0, "127.0.0.1", listening));
  return server;
}
