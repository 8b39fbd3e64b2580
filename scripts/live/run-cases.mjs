// Runs a vendor's live cases one after another through its own client (auth, documented rate limit),
// each GET/HEAD once: ids from earlier answers, one page at the smallest size, no retries. A case that
// fails is recorded and the run goes on.

/** How much of an error's message a case keeps. */
const MAX_REASON_CHARS = 200;

/**
 * @returns {Promise<Array<{ operationId: string, operation: string, outcome: "checked" | "failed" | "skipped",
 *   status?: number, reason?: string, drifts: object[], proxyViolations: object[] }>>} one result per safe
 *   operation of the spec: the cases in table order, then those with a reason not to run, then those without a case
 */
export async function runCases({ table, coverage, client, validators, findResponseDrift }) {
  const results = new Map();
  const bodies = new Map();
  for (const { operation, params = {}, query = {} } of table.cases) {
    const base = { operationId: coverage.operationIds[operation] ?? operation, operation };
    const path = {};
    let skipped;
    for (const [name, source] of Object.entries(params)) {
      const found = lookUp(source, results.get(source.from), bodies.get(source.from));
      if ("skipped" in found) skipped ??= found.skipped;
      else path[name] = found.value;
    }
    if (skipped !== undefined) {
      results.set(operation, {
        ...base,
        outcome: "skipped",
        reason: skipped,
        drifts: [],
        proxyViolations: [],
      });
      continue;
    }
    const size = coverage.pageSizes[operation];
    const sent = { ...query, ...(size === undefined ? {} : { [table.paging.size]: size }) };
    const [method, template] = operation.split(" ");
    try {
      const { data, response } = await client[method](template, { params: { path, query: sent } });
      const proxyViolations = readViolations(response);
      if (!response.ok) {
        results.set(operation, {
          ...base,
          outcome: "failed",
          status: response.status,
          reason: `answered ${response.status}`,
          drifts: [],
          proxyViolations,
        });
        continue;
      }
      bodies.set(operation, data);
      const drifts =
        data === undefined ? [] : findResponseDrift(validators, operation, response.status, data);
      results.set(operation, {
        ...base,
        outcome: "checked",
        status: response.status,
        drifts,
        proxyViolations,
      });
    } catch (error) {
      const reason = `${error?.name ?? "Error"}: ${error?.message ?? String(error)}`.slice(
        0,
        MAX_REASON_CHARS,
      );
      results.set(operation, { ...base, outcome: "failed", reason, drifts: [], proxyViolations: [] });
    }
  }
  const rest = coverage.safe
    .filter((operation) => !results.has(operation))
    .map((operation) => ({
      operationId: coverage.operationIds[operation] ?? operation,
      operation,
      outcome: "skipped",
      reason: table.notRun[operation] ?? "no case in the live-cases table",
      drifts: [],
      proxyViolations: [],
    }));
  return [...results.values(), ...rest];
}

/** A path parameter's value from an earlier case's body, or why there is none. */
function lookUp({ from, pointer, thing }, source, body) {
  if (source?.outcome !== "checked") {
    const what = source?.outcome === "failed" ? "failed" : "was skipped";
    return { skipped: `needs a ${thing} from ${from}, which ${what}` };
  }
  let node = body;
  for (const segment of pointer.split("/").slice(1)) {
    // Note: an empty list on the way to the id means the account has none; anything else missing is
    // drift, which the source case reports.
    if (Array.isArray(node) && node.length === 0) return { skipped: `no ${thing} in this account` };
    const key = segment.replaceAll("~1", "/").replaceAll("~0", "~");
    node = node !== null && typeof node === "object" ? node[key] : undefined;
  }
  if (typeof node === "string" || typeof node === "number") return { value: node };
  return { skipped: `${from} answered no ${thing} id at ${pointer}` };
}

/** Prism's findings on the response, without the values it may quote: where, which rule, how severe. */
function readViolations(response) {
  const header = response.headers.get("sl-violations");
  if (!header) return [];
  try {
    return JSON.parse(header)
      .filter((violation) => violation.location?.[0] === "response")
      .map(({ location, code, severity }) => ({ location, code, severity }));
  } catch {
    return [{ location: [], code: "unreadable sl-violations header", severity: "Error" }];
  }
}
