#!/usr/bin/env node
// The live contract run: the read-only (GET) cases of one API against the real vendor, through a
// validating `prism proxy`, and a drift report naming each spec location the answers break.
//   node scripts/contract-live.mjs <api> [--out <dir>]   (credentials and base URL from the environment)
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { parse } from "yaml";
import { apis, repoRoot, selectApis } from "./apis.mjs";
import { liveRuns } from "./live/cases.mjs";
import { startPrismProxy } from "./live/prism-proxy.mjs";
import { renderReport } from "./live/render-report.mjs";

/** Runs the cases of `name`; returns the report, or undefined when the credential is not set. */
export async function contractLive(name, { env = process.env, out = process.cwd(), log = console.log } = {}) {
  const api = apis[name];
  const live = liveRuns[name];
  const credential = env[live.credential];
  if (!credential) {
    log(
      `contract:live ${name}: ${live.credential} is not set, so nothing was run (set it, and ${live.baseUrl} for a server other than the spec's).`,
    );
    return undefined;
  }
  const spec = parse(await readFile(join(repoRoot, api.spec), "utf8"));
  const upstream = env[live.baseUrl] || spec.servers?.[0]?.url;
  const { findResponseDrift } = await import("@cxkit/runtime/drift");
  const entry = await import(`${api.package}/validate`);
  const validators = Object.entries(entry).find(([key]) => key.endsWith("Validators"))?.[1];

  const proxy = await startPrismProxy(join(repoRoot, api.spec), upstream);
  const cases = [];
  const bodies = new Map();
  try {
    for (const { operation, params = {} } of live.cases) {
      const [method, template] = operation.split(" ");
      const operationId = validators.responses[operation]?.[0] ?? operation;
      let path = template;
      const missing = [];
      for (const [param, [from, pointer]] of Object.entries(params)) {
        const value = at(bodies.get(from), pointer);
        if (typeof value !== "string" && typeof value !== "number")
          missing.push(`${param} (${from} had no ${pointer})`);
        else path = path.replace(`{${param}}`, encodeURIComponent(String(value)));
      }
      if (missing.length > 0) {
        cases.push({
          operationId,
          operation,
          skipped: `no ${missing.join(", ")}`,
          drifts: [],
          proxyViolations: [],
        });
        continue;
      }
      const response = await fetch(`${proxy.url}${path}`, {
        method,
        headers: { Authorization: live.authorization(credential), Accept: "application/json" },
      });
      const text = await response.text();
      const body = parseJson(text);
      if (response.ok) bodies.set(operation, body);
      const drifts =
        response.ok && body !== undefined
          ? findResponseDrift(validators, operation, response.status, body)
          : [];
      const proxyViolations = readViolations(response).filter(
        (violation) => violation.location?.[0] === "response",
      );
      cases.push({ operationId, operation, status: response.status, drifts, proxyViolations });
    }
  } finally {
    await proxy.stop();
  }

  const report = {
    api: name,
    spec: api.spec,
    baseUrl: upstream,
    cases: cases.map(({ drifts, ...rest }) => ({ ...rest, drifts: drifts.length })),
    drifts: cases.flatMap((run) => run.drifts),
  };
  await mkdir(out, { recursive: true });
  await writeFile(join(out, "drift-report.json"), `${JSON.stringify(report, null, 2)}\n`);
  await writeFile(join(out, "drift-report.md"), renderReport(report));
  log(
    `contract:live ${name}: ${cases.length} cases, ${report.drifts.length} drifts; wrote ${join(out, "drift-report.md")} and drift-report.json`,
  );
  return report;
}

/** The value at a JSON pointer, or undefined. */
function at(body, pointer) {
  return pointer
    .split("/")
    .slice(1)
    .map((segment) => segment.replaceAll("~1", "/").replaceAll("~0", "~"))
    .reduce((node, segment) => (node && typeof node === "object" ? node[segment] : undefined), body);
}

function parseJson(text) {
  try {
    return text.trim() === "" ? undefined : JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Prism's findings, without the values it may quote: where, which rule, how severe. */
function readViolations(response) {
  const header = response.headers.get("sl-violations");
  if (!header) return [];
  try {
    return JSON.parse(header).map(({ location, code, severity }) => ({ location, code, severity }));
  } catch {
    return [{ location: [], code: "unreadable sl-violations header", severity: "Error" }];
  }
}

async function main(argv) {
  const outIndex = argv.indexOf("--out");
  const out = outIndex >= 0 ? resolve(argv[outIndex + 1] ?? ".") : process.cwd();
  const names = argv.filter(
    (arg, index) => !arg.startsWith("--") && (outIndex < 0 || index !== outIndex + 1),
  );
  const known = Object.keys(apis);
  if (names.length !== 1 || !known.includes(names[0])) {
    const given = names.length === 0 ? "no API" : names.join(" ");
    console.error(
      `usage: pnpm contract:live <api> [--out <dir>], <api> one of: ${known.join(", ")} (got ${given})`,
    );
    process.exitCode = 2;
    return;
  }
  const [name] = selectApis(names);
  await contractLive(name, { out });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  await main(process.argv.slice(2));
}
