import { readSpecOperations, type SpecOperation } from "./spec-operations.js";

/** The methods a live contract run may send: they read, never write. */
const SAFE_METHODS = ["GET", "HEAD"];

/** A vendor's table of live cases, as `LiveCaseTable` of `@cxkit/runtime` has it (only what is checked). */
export interface LiveCaseTableShape {
  paging: { size: string; cursor: string };
  cases: readonly {
    operation: string;
    params?: Readonly<Record<string, { from: string; pointer: string; thing: string }>>;
    query?: Readonly<Record<string, unknown>>;
  }[];
  notRun: Readonly<Record<string, string | undefined>>;
}

export interface LiveCaseCoverage {
  /** every safe (GET or HEAD) operation of the spec, as `"GET /path"`, in spec order */
  safe: string[];
  /** safe operations with neither a case nor a reason */
  missing: string[];
  /** what is wrong with the table (unsafe or unknown operations, parameters that do not fit); [] when none */
  problems: string[];
  /** each safe operation's operationId */
  operationIds: Record<string, string>;
  /** the page size each case sends: the spec's `minimum` of the size parameter (1 if none), for cases that take one */
  pageSizes: Record<string, number>;
  /** e.g. `dixa: 24 of 24 GET/HEAD operations have a live case or a reason not to run (24 cases, 0 reasons)` */
  summary: string;
}

/**
 * Holds a vendor's table of live cases against its spec: every GET/HEAD operation needs a case or a
 * reason it cannot run read-only, and every case must be safe and fit the spec (its path parameters
 * come from earlier cases, its query names declared parameters and leaves paging to the run).
 */
export async function liveCaseCoverage(options: {
  spec: string;
  table: LiveCaseTableShape;
  label?: string;
}): Promise<LiveCaseCoverage> {
  const { table } = options;
  const specOperations = await readSpecOperations(options.spec);
  const byName = new Map(specOperations.map((operation) => [operation.operation, operation]));
  const safe = specOperations.filter(({ method }) => SAFE_METHODS.includes(method.toUpperCase()));
  const problems: string[] = [];
  const seen: string[] = [];
  const pageSizes: Record<string, number> = {};
  for (const { operation, params = {}, query = {} } of table.cases) {
    const found = byName.get(operation);
    const method = operation.split(" ")[0] ?? "";
    if (!SAFE_METHODS.includes(method))
      problems.push(`${operation}: ${method} is not read-only (GET or HEAD only)`);
    else if (!found) problems.push(`${operation}: the spec has no such operation`);
    if (seen.includes(operation)) problems.push(`${operation}: listed twice`);
    if (operation in table.notRun) problems.push(`${operation}: has both a case and a reason not to run`);
    for (const [name, source] of Object.entries(params)) {
      if (!seen.includes(source.from))
        problems.push(`${operation}: {${name}} comes from ${source.from}, not a case above it`);
      if (!source.pointer.startsWith("/") || source.thing.trim() === "")
        problems.push(`${operation}: {${name}} needs a JSON pointer and the thing it names`);
    }
    seen.push(operation);
    if (!found) continue;
    for (const name of pathParameters(found)) {
      if (!(name in params)) problems.push(`${operation}: no source for the path parameter {${name}}`);
    }
    for (const name of Object.keys(params)) {
      if (!pathParameters(found).includes(name)) problems.push(`${operation}: {${name}} is not in its path`);
    }
    const queryNames = found.parameters.filter(({ in: where }) => where === "query").map(({ name }) => name);
    for (const name of Object.keys(query)) {
      if (name === table.paging.size || name === table.paging.cursor)
        problems.push(`${operation}: sets ${name}, which the run sets (one page, the smallest size)`);
      else if (!queryNames.includes(name))
        problems.push(`${operation}: the spec has no query parameter ${name}`);
    }
    const size = found.parameters.find(
      ({ in: where, name }) => where === "query" && name === table.paging.size,
    );
    if (size) pageSizes[operation] = Math.max(1, Math.ceil(size.schema?.minimum ?? 1));
  }
  for (const [operation, reason] of Object.entries(table.notRun)) {
    if (!safe.some((candidate) => candidate.operation === operation))
      problems.push(`${operation}: has a reason not to run, but is no GET/HEAD operation of the spec`);
    if (!reason?.trim()) problems.push(`${operation}: its reason not to run is empty`);
  }
  const missing = safe
    .map(({ operation }) => operation)
    .filter((operation) => !seen.includes(operation) && !(operation in table.notRun));
  const reasons = safe.filter(({ operation }) => operation in table.notRun).length;
  const cases = safe.filter(({ operation }) => seen.includes(operation)).length;
  return {
    safe: safe.map(({ operation }) => operation),
    missing,
    problems,
    operationIds: Object.fromEntries(safe.map(({ operation, operationId }) => [operation, operationId])),
    pageSizes,
    summary: `${options.label ?? options.spec}: ${cases + reasons} of ${safe.length} GET/HEAD operations have a live case or a reason not to run (${count(cases, "case")}, ${count(reasons, "reason")})`,
  };
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}

function pathParameters({ path }: SpecOperation): string[] {
  return [...path.matchAll(/\{([^}]+)\}/g)].map(([, name]) => name as string);
}
