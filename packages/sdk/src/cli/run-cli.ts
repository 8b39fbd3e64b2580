import { createRequire } from "node:module";
import { dixaRateLimit } from "@cxkit/dixa";
import type { BackfillProgress } from "../alpharun-to-dixa/sync-report.js";
import { type Cx, createCx } from "../create-cx.js";
import { BackfillInterruptedError, isMisconfiguration } from "../errors.js";
import { formatBackfillReport, formatSyncReport } from "./format-report.js";
import { HELP } from "./help.js";
import { type Command, parseCommand, UsageError } from "./parse-command.js";
import { ProgressBar } from "./progress-bar.js";
import { API_CREDENTIALS, checkRequiredVariables, quoteHiding, readEnvironment } from "./read-environment.js";
import { runServe } from "./serve.js";

/** What the CLI reads and writes; the real process's by default, something else in tests. */
export interface CliIo {
  env: Record<string, string | undefined>;
  stdout: Pick<NodeJS.WriteStream, "write">;
  stderr: Pick<NodeJS.WriteStream, "write"> & Partial<Pick<NodeJS.WriteStream, "isTTY" | "columns">>;
  /** aborts a running backfill, or stops `cxkit serve`, e.g. on SIGINT or SIGTERM (default: never) */
  signal?: AbortSignal;
}

export const EXIT = { ok: 0, failed: 1, usage: 2, interrupted: 130 } as const;

/**
 * Runs `cxkit` with its arguments and returns the exit status. Arguments and environment are checked
 * before anything is sent: a bad one is one `cxkit:` line on stderr (and, with `--json`, a JSON error
 * on stdout), exit status 2.
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  if (argv[0] === "serve" && !argv.includes("--help") && !argv.includes("-h"))
    return runServe(argv.slice(1), io);
  const quote = quoteHiding(io.env);
  let command: Command;
  try {
    command = parseCommand(argv, quote);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    error.message += " (see cxkit --help)";
    return fail(io, argv.includes("--json"), error, EXIT.usage);
  }
  if (command.name === "help") {
    io.stdout.write(HELP);
    return EXIT.ok;
  }
  if (command.name === "version") {
    io.stdout.write(`${packageVersion()}\n`);
    return EXIT.ok;
  }
  let cx: Cx;
  try {
    // Note: createCx reads the credentials and ALPHARUN_BASE_URL / DIXA_BASE_URL from `env`.
    const env = readEnvironment(io.env, (note) => io.stderr.write(`cxkit: note: ${note}\n`), quote);
    checkRequiredVariables(env, API_CREDENTIALS);
    cx = createCx({
      env,
      dixa: command.rateLimit
        ? { rateLimit: { ...dixaRateLimit, requestsPerSecond: command.rateLimit } }
        : {},
      ...(command.mapping ? { mapping: command.mapping } : {}),
      ...(command.writeBackKey !== undefined ? { writeBackKey: command.writeBackKey } : {}),
    });
    // Note: both credentials are checked before any request (a sync or backfill needs both).
    void [cx.alpharun, cx.dixa];
  } catch (error) {
    if (error instanceof UsageError || isMisconfiguration(error))
      return fail(io, command.json, error, EXIT.usage);
    throw error;
  }
  try {
    return command.name === "sync" ? await runSync(cx, command, io) : await runBackfill(cx, command, io);
  } catch (error) {
    if (error instanceof BackfillInterruptedError) {
      const cause = error.cause instanceof Error ? error.cause : error;
      if (command.json) print(io, true, { error: describe(cause), report: error.report }, "");
      else io.stdout.write(`${formatBackfillReport(error.report, subject(command))}\n`);
      io.stderr.write(`cxkit: ${error.message}\n`);
      return EXIT.failed;
    }
    if (isMisconfiguration(error)) return fail(io, command.json, error, EXIT.usage);
    throw error;
  }
}

async function runSync(cx: Cx, command: Extract<Command, { name: "sync" }>, io: CliIo): Promise<number> {
  const report = await cx.syncInteraction(command.interactionId, {
    dryRun: command.dryRun,
    ...(command.conversationId !== undefined ? { conversationId: command.conversationId } : {}),
  });
  print(io, command.json, report, formatSyncReport(report));
  // Note: a mapping that does not fit Dixa is a configuration error; nothing was written.
  if (report.error?.stage === "mapping") return EXIT.usage;
  return report.status === "failed" ? EXIT.failed : EXIT.ok;
}

async function runBackfill(
  cx: Cx,
  command: Extract<Command, { name: "backfill" }>,
  io: CliIo,
): Promise<number> {
  const bar = !command.json && io.stderr.isTTY ? new ProgressBar(io.stderr as NodeJS.WriteStream) : undefined;
  try {
    const report = await cx.backfillContact(command.contactId, {
      dryRun: command.dryRun,
      ...(command.checkpoint ? { checkpoint: command.checkpoint } : {}),
      ...(command.concurrency ? { concurrency: command.concurrency } : {}),
      ...(io.signal ? { signal: io.signal } : {}),
      ...(bar ? { onProgress: (progress: BackfillProgress) => bar.update(progress) } : {}),
    });
    bar?.stop();
    print(io, command.json, report, formatBackfillReport(report, subject(command)));
    if (report.aborted) return EXIT.interrupted;
    return report.failed > 0 ? EXIT.failed : EXIT.ok;
  } finally {
    bar?.stop();
  }
}

function subject(command: Command): string {
  return command.name === "backfill" ? `contact ${command.contactId}` : "";
}

function print(io: CliIo, json: boolean, report: object, human: string): void {
  io.stdout.write(json ? `${JSON.stringify(report, null, 2)}\n` : `${human}\n`);
}

function describe(error: Error): { name: string; message: string } {
  return { name: error.name, message: error.message };
}

/** This package's version, from its `package.json` (shipped beside `dist/`). */
function packageVersion(): string {
  return (createRequire(import.meta.url)("../../package.json") as { version: string }).version;
}

function fail(io: CliIo, json: boolean, error: Error, status: number): number {
  if (json) print(io, true, { error: describe(error) }, "");
  io.stderr.write(`cxkit: ${error.message}\n`);
  return status;
}
