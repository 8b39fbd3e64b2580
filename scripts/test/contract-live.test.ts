import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { dixaLiveCases } from "@cxkit/dixa/live-cases";
import { afterAll, beforeAll, expect, test } from "vitest";
import { contractLive } from "../contract-live.mjs";
import { LiveTableError } from "../live/load-live-run.mjs";
import { type FakeVendor, IDS, startFakeVendor } from "./helpers/fake-vendor.js";

// Note: each run starts `prism proxy`, which can take long on a loaded machine; the deadline only
// stops a hung run.
const RUN_TIMEOUT_MS = 240_000;

let vendor: FakeVendor;
let out: string;
beforeAll(async () => {
  vendor = await startFakeVendor();
  out = await mkdtemp(join(tmpdir(), "contract-live-"));
});
afterAll(async () => {
  await vendor?.close();
  if (out) await rm(out, { recursive: true, force: true });
});

const run = (api: "alpharun" | "dixa", env: Record<string, string>, table?: unknown) =>
  contractLive(api, { env, out, log: () => {}, ...(table ? { table } : {}) });

test(
  "a drifting vendor gives a report of exactly its drifts, each with its spec location",
  async () => {
    vendor.drift("alpharun", ["renamed-field", "type-change", "enum-value", "extra-field"]);
    await run("alpharun", { ALPHARUN_BASE_URL: `${vendor.url}/alpharun`, ALPHARUN_API_TOKEN: "test-token" });
    const report = JSON.parse(await readFile(join(out, "drift-report.json"), "utf8"));
    expect(report.cases.map((run: { status: number }) => run.status)).toEqual([200, 200, 200, 200, 200]);
    expect(report.coverage.line).toBe("5 of 5 safe operations checked, 0 skipped, 0 failed, 5 drifts");
    const found = report.drifts.map(
      (drift: { operationId: string; kind: string; pointer: string; spec: { pointer: string } }) => [
        drift.operationId,
        drift.kind,
        drift.pointer,
        drift.spec.pointer,
      ],
    );
    const at = "/data/customer_interaction";
    const interaction = "#/components/schemas/CustomerInteraction";
    const byPointer = (a: string[], b: string[]) => `${a[2]} ${a[1]}`.localeCompare(`${b[2]} ${b[1]}`);
    expect(found.sort(byPointer)).toEqual(
      [
        ["getCustomerInteraction", "missing-field", `${at}/id`, `${interaction}/required`],
        ["getCustomerInteraction", "extra-field", `${at}/interaction_id`, interaction],
        ["getCustomerInteraction", "type-changed", `${at}/summary`, `${interaction}/properties/summary/type`],
        [
          "getCustomerInteraction",
          "enum-value",
          `${at}/custom_fields/0/type`,
          "#/components/schemas/CustomField/properties/type/enum",
        ],
        ["getCustomerInteraction", "extra-field", `${at}/sentiment`, interaction],
      ].sort(byPointer),
    );
    // Prism's proxy validated the same answer: the breaking drifts, not the extra fields.
    const prism = report.cases.map((run: { proxyViolations: { code: string }[] }) =>
      run.proxyViolations.map((violation) => violation.code).sort(),
    );
    expect(prism).toEqual([[], [], [], ["enum", "required", "type"], []]);
    const markdown = await readFile(join(out, "drift-report.md"), "utf8");
    for (const drift of report.drifts)
      expect(markdown).toContain(`line ${drift.spec.line} (\`${drift.spec.pointer}\`)`);
    expect(`${markdown}${JSON.stringify(report)}`).not.toContain("pii-");
  },
  RUN_TIMEOUT_MS,
);

test("a case that is not GET or HEAD is refused before anything is sent", async () => {
  const table = { ...dixaLiveCases, cases: [...dixaLiveCases.cases, { operation: "POST /conversations" }] };
  const refused = run("dixa", { DIXA_BASE_URL: `${vendor.url}/dixa`, DIXA_API_KEY: "test-key" }, table);
  await expect(refused).rejects.toThrow(LiveTableError);
  await expect(refused).rejects.toThrow("POST /conversations: POST is not read-only (GET or HEAD only)");
  expect(vendor.requests.filter((request) => request.includes("/dixa/"))).toEqual([]);
});

test(
  "a Dixa run sends no more than Dixa's documented rate, 10 requests/s with bursts of 4",
  async () => {
    // Note: the vendor answers from memory, so only the rate limit spaces the sends. Load only delays a
    // send, and may delay an early one more than a later one, so every bound counts from before the
    // run started (no later than the limiter's first slot), never from another send (1 ms for timer rounding).
    const sentAt: number[] = [];
    const body = { data: [{ id: IDS.agent, conversationId: 1, event: "ConversationCreated" }] };
    const fetch = async () => {
      sentAt.push(performance.now());
      return new Response(JSON.stringify(body), { headers: { "content-type": "application/json" } });
    };
    const startedAt = performance.now();
    await contractLive("dixa", {
      env: { DIXA_BASE_URL: `${vendor.url}/dixa`, DIXA_API_KEY: "test-key" },
      out,
      log: () => {},
      fetch,
    });
    expect(sentAt).toHaveLength(24);
    // Send k (from 0) goes no earlier than (k - 3) * 100 ms after the start: 4 at once, then one per 100 ms.
    sentAt.forEach((at, k) => {
      expect(at - startedAt, `send ${k}`).toBeGreaterThanOrEqual((k - 3) * 100 - 1);
    });
  },
  RUN_TIMEOUT_MS,
);

test("without credentials the run says so, writes nothing and exits 0", async () => {
  const script = new URL("../contract-live.mjs", import.meta.url).pathname;
  const { stdout } = await promisify(execFile)(
    process.execPath,
    [script, "alpharun", "--out", join(out, "none")],
    {
      env: { PATH: process.env.PATH ?? "" },
    },
  );
  expect(stdout).toContain("ALPHARUN_API_TOKEN is not set, so nothing was run");
  await expect(readFile(join(out, "none", "drift-report.json"))).rejects.toThrow(/ENOENT/);
});
