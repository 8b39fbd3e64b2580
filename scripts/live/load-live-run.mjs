// What a live run of one API needs from its client package: the case table (`@cxkit/<api>/live-cases`)
// and the response validators (`@cxkit/<api>/validate`), with the table held against the spec first.
import { join } from "node:path";
import { liveCaseCoverage } from "@cxkit/mocks/contract";
import { apis, repoRoot } from "../apis.mjs";

/** A case table that is unsafe or does not fit the spec: nothing was sent. */
export class LiveTableError extends Error {
  name = "LiveTableError";

  /** @param {string} api @param {string[]} problems */
  constructor(api, problems) {
    super(
      `contract:live ${api}: the live-cases table cannot run, so nothing was sent:\n${problems.map((problem) => `  - ${problem}`).join("\n")}`,
    );
    this.problems = problems;
  }
}

/**
 * Loads the table (or takes `table`), the validators and the table's coverage of the spec; throws
 * `LiveTableError` for any case that is not GET/HEAD or does not fit the spec.
 */
export async function loadLiveRun(name, { table } = {}) {
  const api = apis[name];
  const spec = join(repoRoot, api.spec);
  const liveTable = table ?? exportEndingWith(await import(`${api.package}/live-cases`), "LiveCases", name);
  const validators = exportEndingWith(await import(`${api.package}/validate`), "Validators", name);
  const coverage = await liveCaseCoverage({ spec, table: liveTable, label: name });
  if (coverage.problems.length > 0) throw new LiveTableError(name, coverage.problems);
  return { spec, table: liveTable, validators, coverage };
}

/** The one export named `<api>LiveCases` / `<api>Validators` (a vendor package names its tables after itself). */
function exportEndingWith(entry, suffix, api) {
  const found = Object.entries(entry).find(([key]) => key.endsWith(suffix));
  if (!found) throw new Error(`contract:live ${api}: @cxkit/${api} exports no *${suffix}`);
  return found[1];
}
