import { closeSync, createReadStream, fdatasyncSync, openSync, readSync, statSync, writeSync } from "node:fs";
import { readFile, unlink, writeFile } from "node:fs/promises";
import { createInterface } from "node:readline";
import { quoteInput } from "@cxkit/runtime";
import { CheckpointError } from "../errors.js";
import { firstFailure, type SkipCode } from "../outcome.js";
import type { SyncReport } from "./sync-report.js";

/** One finished item, as a line of the checkpoint file. */
export interface CheckpointRecord {
  id: string;
  status: "applied" | "skipped" | "failed";
  /** the skip code, for skipped items */
  reason?: SkipCode | undefined;
  /** the failure message, for failed items */
  error?: string | undefined;
  conversationId?: number | undefined;
  /** ISO timestamp of when the item finished */
  at: string;
}

/** The recorded outcome of an item that a re-run must not redo. */
export type DoneOutcome = { status: "applied" } | { status: "skipped"; reason: SkipCode };

/** An open checkpoint file (see `Checkpoint.open`). */
export interface Checkpoint {
  readonly path: string;
  readonly readOnly: boolean;
  /** The outcome a previous run recorded, when the item needs no redo (applied or skipped). */
  done(id: string): DoneOutcome | undefined;
  /** Appends the item's outcome and flushes it to disk. Dry-run reports are not recorded. */
  record(report: SyncReport): void;
  /** Closes the file and releases the lock; safe to call twice. */
  close(): Promise<void>;
}

/**
 * An append-only JSON Lines file of finished items. Each line is written and `fdatasync`ed before the
 * item counts as done, so a process killed at any point loses at most the items in flight, which the
 * next run redoes (both PATCHes are idempotent upserts). A torn line (a record cut short by a kill) is
 * ignored on reading; any other line that is not a record refuses the file, which is then left as it is.
 * A `<file>.lock` holding the owner's pid keeps two live runs off one checkpoint.
 */
export const Checkpoint = {
  /** Reads the file (missing = empty) and, unless `readOnly`, locks it and opens it for appending. */
  async open(path: string, { readOnly = false }: { readOnly?: boolean } = {}): Promise<Checkpoint> {
    const lockPath = `${path}.lock`;
    const outcomes = new Map<string, DoneOutcome>();
    let fd: number | undefined;
    const remember = ({ id, status, reason }: Pick<CheckpointRecord, "id" | "status" | "reason">) => {
      if (status === "failed") outcomes.delete(id);
      else outcomes.set(id, status === "applied" ? { status } : { status, reason: reason ?? "unchanged" });
    };
    const checkpoint: Checkpoint = {
      path,
      readOnly,
      done: (id) => outcomes.get(id),
      record(report) {
        if (fd === undefined || report.dryRun || report.status === "planned") return;
        // Note: JSON leaves out the fields an item has no value for.
        const record: CheckpointRecord = {
          id: report.interactionId,
          status: report.status,
          reason: report.status === "skipped" ? report.reason?.code : undefined,
          error: report.status === "failed" ? (firstFailure(report)?.message ?? "failed") : undefined,
          conversationId: report.conversationId,
          at: new Date().toISOString(),
        };
        writeSync(fd, `${JSON.stringify(record)}\n`);
        fdatasyncSync(fd);
        remember(record);
      },
      async close() {
        if (fd !== undefined) closeSync(fd);
        fd = undefined;
        if (!readOnly) await unlink(lockPath).catch(() => {});
      },
    };
    if (!readOnly) await lock(path, lockPath);
    try {
      await load(path, remember);
      if (!readOnly) {
        fd = openSync(path, "a+");
        // Note: after a torn last line, start on a fresh line so the next record parses.
        const size = statSync(path).size;
        const last = Buffer.from("\n");
        if (size > 0) readSync(fd, last, 0, 1, size - 1);
        if (last.toString() !== "\n") writeSync(fd, "\n");
      }
    } catch (error) {
      await checkpoint.close();
      throw error instanceof CheckpointError
        ? error
        : new CheckpointError(`cannot use checkpoint ${quoteInput(path)}: ${fileProblem(error, path)}`);
    }
    return checkpoint;
  },
};

/** Feeds each record of the file (missing or empty: none) to `remember`; refuses a file that is not ours. */
async function load(path: string, remember: (record: CheckpointRecord) => void): Promise<void> {
  try {
    if (statSync(path).size === 0) return;
  } catch {
    return;
  }
  const lines = createInterface({
    input: createReadStream(path, "utf8"),
    crlfDelay: Number.POSITIVE_INFINITY,
  });
  let number = 0;
  // The error for a file that is not a checkpoint: its path and first bad line, never the line itself.
  const foreign = (problem: string) =>
    new CheckpointError(
      `${quoteInput(path)} is not a cxkit checkpoint: line ${number} ${problem}; name a new file, or the one a backfill wrote`,
    );
  for await (const line of lines) {
    number += 1;
    if (line.trim() === "") continue;
    let record: unknown;
    try {
      record = JSON.parse(line);
    } catch {
      // Note: a line torn by a kill mid-write is the start of a record; its item was not done.
      if (RECORD_START.startsWith(line.slice(0, RECORD_START.length))) continue;
      throw foreign("is not JSON");
    }
    if (!isRecord(record)) throw foreign("is not a checkpoint record ({ id, status, at })");
    remember(record);
  }
}

/** Takes `lockPath` for this process, or refuses when a live process holds it. */
async function lock(path: string, lockPath: string): Promise<void> {
  try {
    await writeFile(lockPath, String(process.pid), { flag: "wx" });
    return;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST")
      throw new CheckpointError(`cannot lock ${quoteInput(path)}: ${fileProblem(error, path)}`);
  }
  const owner = Number((await readFile(lockPath, "utf8").catch(() => "")).trim());
  if (Number.isInteger(owner) && owner !== process.pid && isAlive(owner)) {
    throw new CheckpointError(
      `checkpoint ${quoteInput(path)} is in use by process ${owner} (lock: ${quoteInput(lockPath)})`,
    );
  }
  // Note: the lock of a process that no longer runs (e.g. killed with SIGKILL) is taken over.
  await writeFile(lockPath, String(process.pid));
}

/** How every record line starts (`JSON.stringify` keeps the key order of `record()`). */
const RECORD_START = '{"id":"';
const STATUSES: readonly unknown[] = ["applied", "skipped", "failed"];

function isRecord(value: unknown): value is CheckpointRecord {
  const record = value as Partial<Record<keyof CheckpointRecord, unknown>> | null;
  return (
    typeof record === "object" &&
    record !== null &&
    typeof record.id === "string" &&
    record.id !== "" &&
    STATUSES.includes(record.status) &&
    typeof record.at === "string" &&
    (record.reason === undefined || typeof record.reason === "string")
  );
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** A file system error as a message shows it: the path it repeats (quoted once before it) as `<checkpoint>`. */
function fileProblem(error: unknown, path: string): string {
  return String(error).replaceAll(path, "<checkpoint>");
}
