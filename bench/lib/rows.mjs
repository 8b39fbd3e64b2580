// Turns the measurements into rows (label, value, target, met) and renders them as a Markdown table.
import { median, quartiles } from "./stats.mjs";

const KB = 1024;
const MB = 1024 * 1024;

const CLIENTS = {
  fetch: "raw `fetch`",
  "fetch+signal": "cost: raw `fetch` + a new `AbortController`'s signal (controller)",
  "fetch+timeout":
    "cost: raw `fetch` + a new `AbortController` and a timer (controller + timer: a timeout as the runtime made it before)",
  "openapi-fetch": "plain openapi-fetch",
  "openapi-fetch+middleware": "cost: plain openapi-fetch + one no-op middleware (middleware)",
  "runtime-fetch-no-timeout":
    "cost: the runtime's `fetch` alone, `timeout: false` (attempt loop + response read and wrapped)",
  "runtime-fetch":
    "cost: the runtime's `fetch` alone, default timeout (+ its deadline: shared timer, reused signal)",
  "cxkit-fetch": "`@cxkit/alpharun`, full runtime, global `fetch` (default)",
  "cxkit-fetch-no-timeout": "`@cxkit/alpharun`, global `fetch`, `timeout: false`",
  "cxkit-fetch-report": '`@cxkit/alpharun`, global `fetch`, drift check `"report"` at full sampling',
  "cxkit-undici": "`@cxkit/alpharun`, full runtime, `createUndiciFetch()`",
  "hey-api": "hey-api generated client",
  "undici.request": "`undici.request` (floor)",
};
const PER_CALL_TARGETS = { "cxkit-fetch": 1.1, "cxkit-undici": 0.6 };

function row(section, id, label, value, unit, display, target) {
  const met =
    target === undefined ? undefined : target.op === "<=" ? value <= target.value : value >= target.value;
  return { section, id, label, value, unit, display, ...(target ? { target, met } : {}) };
}

export function collectRows({
  quick,
  config,
  perCall,
  webhook,
  bundles,
  build,
  alternativeGenerateMs,
  typeCheck,
  throughput,
  memory,
}) {
  const rows = [];
  const total = config.calls * config.rounds;
  for (const method of ["get", "patch"]) {
    const base = perCall[method].fetch;
    for (const [client, label] of Object.entries(CLIENTS)) {
      const micros = perCall[method][client];
      const ratio = median(micros.map((value, round) => value / base[round]));
      const target = PER_CALL_TARGETS[client];
      rows.push({
        ...row(
          `per call: ${total.toLocaleString("en")} sequential ${method === "get" ? "GETs" : "PATCHes"}`,
          `${method}.${client}`,
          label,
          ratio,
          "x raw fetch",
          `${ratio.toFixed(2)}x (${median(micros).toFixed(0)} µs)`,
          target === undefined ? undefined : { op: "<=", value: target, display: `<= ${target.toFixed(2)}x` },
        ),
        // Note: the figures of every round, so a reader can see the spread behind the median.
        roundsMicros: micros.map((value) => Math.round(value)),
        roundRatios: micros.map((value, round) => Number((value / base[round]).toFixed(3))),
      });
    }
    // Note: validation's cost as the ratio to the same client without it, round by round in one run.
    const off = perCall[method]["cxkit-fetch"];
    const report = perCall[method]["cxkit-fetch-report"];
    const overhead = median(report.map((value, round) => value / off[round]));
    rows.push({
      ...row(
        `per call: ${total.toLocaleString("en")} sequential ${method === "get" ? "GETs" : "PATCHes"}`,
        `${method}.report-vs-off`,
        'drift check `"report"` (full sampling) vs validation off, same client',
        overhead,
        "x validation off",
        `${overhead.toFixed(2)}x`,
        { op: "<=", value: 1.15, display: "<= 1.15x" },
      ),
      roundRatios: report.map((value, round) => Number((value / off[round]).toFixed(3))),
    });
    // Note: the default client against plain openapi-fetch and against itself without a timeout, from
    // their head-to-head rounds (per-call.mjs), with the middle half of the rounds as the spread.
    const { rounds: pairRounds, calls: pairCalls } = perCall.headToHead;
    const against = [
      ["openapi-fetch", "default-vs-openapi-fetch", "plain openapi-fetch", 1],
      ["cxkit-fetch-no-timeout", "default-vs-no-timeout", "the same client with `timeout: false`", undefined],
    ];
    for (const [other, id, label, target] of against) {
      const pair = perCall.headToHead[method];
      const ratios = pair["cxkit-fetch"].map((value, round) => value / pair[other][round]);
      const ratio = median(ratios);
      const [low, high] = quartiles(ratios);
      rows.push({
        ...row(
          `per call: ${total.toLocaleString("en")} sequential ${method === "get" ? "GETs" : "PATCHes"}`,
          `${method}.${id}`,
          `\`@cxkit/alpharun\` default vs ${label}, ${pairRounds} head-to-head rounds of ${pairCalls} calls (middle half of the rounds)`,
          ratio,
          `x ${other}`,
          `${ratio.toFixed(2)}x (${low.toFixed(2)}-${high.toFixed(2)})`,
          target === undefined ? undefined : { op: "<=", value: target, display: "<= 1.00x" },
        ),
        roundRatios: ratios.map((value) => Number(value.toFixed(3))),
      });
    }
  }

  rows.push(...webhookRows(webhook));

  const bundleLabels = {
    "@cxkit/alpharun": ["`createAlpharunClient` + one call", 8],
    "@cxkit/sdk": ["`createCx` + one `syncInteraction`", 16],
    "hey-api": ["hey-api client + one call", undefined],
    "openapi-fetch": ["plain openapi-fetch + one call", undefined],
    "@cxkit/dixa": ["`createDixaClient` + one call", undefined],
    "@cxkit/dixa/webhooks": ["`verifyDixaWebhook` + `createMemoryEventStore` (Web Crypto entry)", undefined],
    "@cxkit/sdk/receive": ["`toNodeListener` + `toWebHandler` (over any handler)", undefined],
  };
  for (const [name, [label, targetKb]] of Object.entries(bundleLabels)) {
    const { gzipped, minified } = bundles[name];
    rows.push(
      row(
        "bundle: esbuild, minified ESM, gzip -9",
        `bundle.${name}`,
        label,
        gzipped / KB,
        "KB",
        `${(gzipped / KB).toFixed(1)} KB (${(minified / KB).toFixed(1)} KB min)`,
        targetKb === undefined ? undefined : { op: "<=", value: targetKb, display: `<= ${targetKb} KB` },
      ),
    );
  }

  const seconds = (ms) => `${(ms / 1000).toFixed(2)} s`;
  const section = "generation and build";
  rows.push(
    row(
      section,
      "build.generate",
      quick
        ? "generate both specs (`generate.mjs --check`)"
        : "`pnpm generate --force` (both specs, uncached)",
      build.generateMs / 1000,
      "s",
      seconds(build.generateMs),
      {
        op: "<=",
        value: 3,
        display: "<= 3 s",
      },
    ),
    row(
      section,
      "build.generate-alternative",
      "hey-api generation (both specs)",
      alternativeGenerateMs / 1000,
      "s",
      seconds(alternativeGenerateMs),
    ),
    row(
      section,
      "build.cold",
      "cold `turbo run build --force`",
      build.coldBuildMs / 1000,
      "s",
      seconds(build.coldBuildMs),
    ),
    row(
      section,
      "build.noop",
      "no-op `turbo run build` (median of 3)",
      build.noopBuildMs / 1000,
      "s",
      seconds(build.noopBuildMs),
      {
        op: "<=",
        value: 1,
        display: "<= 1 s",
      },
    ),
  );

  for (const [name, label] of [
    ["cxkit", "`@cxkit/dixa`"],
    ["alternative", "hey-api client"],
  ]) {
    const { ms, maxRssBytes } = typeCheck[name];
    rows.push(
      row(
        `type-check: \`tsc --noEmit\`, ${typeCheck.operations} Dixa operations`,
        `typecheck.${name}`,
        label,
        ms / 1000,
        "s",
        `${seconds(ms)}, ${(maxRssBytes / MB).toFixed(0)} MB peak RSS`,
      ),
    );
  }

  const fraction = throughput.dixaRate / 500;
  const [small, large] = memory;
  const growth = large.maxRssBytes / small.maxRssBytes;
  const items = (n) => n.toLocaleString("en");
  rows.push(
    row(
      "backfill",
      "backfill.rate",
      `${items(throughput.report.total)} interactions, 5 ms latency, Dixa limit 500 req/s: rate / limit`,
      fraction,
      "of limit",
      `${fraction.toFixed(2)} (${throughput.dixaRate.toFixed(0)} req/s, ${throughput.report.applied} applied)`,
      { op: ">=", value: 0.9, display: ">= 0.90" },
    ),
    row(
      "backfill",
      "backfill.rss-small",
      `peak RSS, ${items(small.report.total)} interactions`,
      small.maxRssBytes / MB,
      "MB",
      `${(small.maxRssBytes / MB).toFixed(0)} MB`,
    ),
    row(
      "backfill",
      "backfill.rss-large",
      `peak RSS, ${items(large.report.total)} interactions`,
      large.maxRssBytes / MB,
      "MB",
      `${(large.maxRssBytes / MB).toFixed(0)} MB`,
    ),
    row(
      "backfill",
      "backfill.live-heap-growth",
      `heap left after a full GC, ${items(large.report.total)} / ${items(small.report.total)}`,
      large.liveHeapBytes / small.liveHeapBytes,
      "x",
      `${(large.liveHeapBytes / small.liveHeapBytes).toFixed(2)}x (${(small.liveHeapBytes / MB).toFixed(1)} vs ${(large.liveHeapBytes / MB).toFixed(1)} MB)`,
    ),
    row(
      "backfill",
      "backfill.rss-growth",
      `peak RSS ${items(large.report.total)} / ${items(small.report.total)}`,
      growth,
      "x",
      `${growth.toFixed(2)}x`,
      {
        op: "<=",
        value: 1.2,
        display: "<= 1.20x",
      },
    ),
  );
  return rows;
}

const WEBHOOK_RUNS = {
  hmac: ["bare `node:crypto` HMAC-SHA256 of the same bytes", undefined],
  "verify-node": ["`verifyDixaWebhook` on Node (`node:crypto`), JSON parse and envelope check included", 3],
  "verify-web": ["`verifyDixaWebhook`, Web Crypto entry (workers, browsers, Deno)", undefined],
};

/** Verification of one 10 KB delivery, as a ratio to the bare HMAC within each round. */
function webhookRows(webhook) {
  const section = `webhook verification: ${webhook.rounds} rounds of ${webhook.calls.toLocaleString("en")} deliveries of ${(webhook.bytes / 1024).toFixed(1)} KB`;
  return Object.entries(WEBHOOK_RUNS).map(([run, [label, target]]) => {
    const micros = webhook[run];
    const ratio = median(micros.map((value, round) => value / webhook.hmac[round]));
    return {
      ...row(
        section,
        `webhook.${run}`,
        label,
        ratio,
        "x bare HMAC",
        `${ratio.toFixed(2)}x (${median(micros).toFixed(1)} µs)`,
        target === undefined ? undefined : { op: "<=", value: target, display: `<= ${target.toFixed(2)}x` },
      ),
      roundsMicros: micros.map((value) => Number(value.toFixed(2))),
      roundRatios: micros.map((value, round) => Number((value / webhook.hmac[round]).toFixed(3))),
    };
  });
}

export function renderTable({ date, machine, rows, quick, alternative }) {
  const lines = [
    `cxkit benchmarks${quick ? " (QUICK: few iterations, numbers not meaningful)" : ""}`,
    `${date.slice(0, 10)}, ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB, ${machine.platform}, Node ${machine.node}; alternative: ${alternative}`,
    "",
    "| section | measure | result | target | met |",
    "|---|---|---|---|---|",
  ];
  for (const r of rows) {
    const met = r.met === undefined ? "" : r.met ? "yes" : "**no**";
    lines.push(`| ${r.section} | ${r.label} | ${r.display} | ${r.target?.display ?? ""} | ${met} |`);
  }
  return `${lines.join("\n")}\n`;
}
