import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { test } from "vitest";
import { readSpecOperations } from "./spec-operations.js";

export { type LiveCaseCoverage, liveCaseCoverage } from "./live-case-coverage.js";
export { type PageRequest, type PageServer, startPageServer } from "./page-server.js";

type TestBody = () => Promise<void> | void;

/** A contract test of an operation's happy path (a valid call answered with 2xx). */
export function happy(operationId: string, title: string, body: TestBody, timeoutMs?: number): void {
  test(`${operationId}: ${title}`, body, timeoutMs);
}

/** A contract test of an operation's failure path (an invalid call rejected, or a documented error). */
export function failure(operationId: string, title: string, body: TestBody, timeoutMs?: number): void {
  test(`${operationId}: ${title}`, body, timeoutMs);
}

export interface ContractCoverage {
  /** every operationId in the spec */
  operations: string[];
  /** operations lacking a happy-path or failure-path test */
  missing: { operationId: string; lacks: ("happy" | "failure")[] }[];
  /** operationIds named by tests that the spec does not have */
  unknown: string[];
  /** e.g. `dixa: 48/48 operations have a happy and a failure path` */
  summary: string;
}

const CALL = /\b(happy|failure)\(\s*["'`]([A-Za-z0-9_]+)["'`]/g;

/**
 * Reads a spec's operationIds and the `happy(...)`/`failure(...)` calls in a folder of test files,
 * and reports which operations lack either kind of contract test.
 */
export async function contractCoverage(options: {
  spec: string;
  testDir: string | URL;
  label?: string;
}): Promise<ContractCoverage> {
  const operations = (await readSpecOperations(options.spec)).map(({ operationId }) => operationId);
  const dir = options.testDir instanceof URL ? fileURLToPath(options.testDir) : options.testDir;
  const covered = { happy: new Set<string>(), failure: new Set<string>() };
  for (const file of await readdir(dir)) {
    if (!/\.test\.[cm]?[jt]s$/.test(file)) continue;
    for (const [, kind, operationId] of (await readFile(join(dir, file), "utf8")).matchAll(CALL)) {
      covered[kind as "happy" | "failure"].add(operationId as string);
    }
  }
  const missing = operations.flatMap((operationId) => {
    const lacks = (["happy", "failure"] as const).filter((kind) => !covered[kind].has(operationId));
    return lacks.length > 0 ? [{ operationId, lacks: [...lacks] }] : [];
  });
  const known = new Set(operations);
  const unknown = [...new Set([...covered.happy, ...covered.failure])].filter((id) => !known.has(id)).sort();
  const complete = operations.length - missing.length;
  const summary = `${options.label ?? options.spec}: ${complete}/${operations.length} operations have a happy and a failure path`;
  return { operations, missing, unknown, summary };
}

export interface PaginationCoverage {
  /** operations (`METHOD /path`) whose query, path-level parameters included, takes the cursor */
  paginated: string[];
  /** paginated operations the table lacks */
  missing: string[];
  /** operations in the table that take no cursor */
  extra: string[];
}

/**
 * Holds a client's table of paginated operations against its spec: every operation with the
 * vendor's cursor query parameter must be in the table, and nothing else.
 */
export async function paginationCoverage(options: {
  spec: string;
  table: { cursor: string; operations: Record<string, { method: string }> };
}): Promise<PaginationCoverage> {
  const paginated = (await readSpecOperations(options.spec))
    .filter(({ parameters }) =>
      parameters.some(({ in: where, name }) => where === "query" && name === options.table.cursor),
    )
    .map(({ operation }) => operation);
  const listed = Object.entries(options.table.operations).map(
    ([path, { method }]) => `${method.toUpperCase()} ${path}`,
  );
  return {
    paginated,
    missing: paginated.filter((operation) => !listed.includes(operation)),
    extra: listed.filter((operation) => !paginated.includes(operation)),
  };
}
