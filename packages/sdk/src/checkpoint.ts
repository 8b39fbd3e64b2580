import { closeSync, createReadStream, fdatasyncSync, openSync, readSync, statSync, writeSync } from "node:fs";
import { readFile, unlink, writeFile } from "node:fs/promises";
import { createInterface } from "node:readline";
import { CheckpointError } from "./errors.js";
import { firstFailure, type SkipCode, type SyncReport } from "./report.js";

/** One finished item, as a line of the checkpoint file. */
export interface CheckpointRecord {
  id: string;
  status: "applied" | "skipped" | "failed";
  /** the skip code, for skipped items */
  reason?: SkipCode;
  /** the failure message, for failed items */
  error?: string;
  conversationId?: number;
  /** ISO timestamp of when the item finished */
  at: string;
}

/** The recorded outcome of an item that a re-run must not redo. */
export type DoneOutcome = { status: "applied" } | { status: "skipped"; reason: SkipCode };

/**
 * An append-only JSON Lines file of finished items. Each line is written and `fdatasync`ed before the
 * item counts as done, so a process killed at any point loses at most the items in flight, which the
 * next run redoes (both PATCHes are idempotent upserts). A torn line (a record cut short by a kill) is
 * ignored on reading; any other line that is not a record refuses the file, which is then left as it is.
 * A `<file>.lock` holding the owner's pid keeps two live runs off one checkpoint.
 */
export class Checkpoint {
  readonly #done = new Map<string, DoneOutcome>();
  #fd: number | undefined;
  readonly #lockPath: string;

  private constructor(
    readonly path: string,
    readonly readOnly: boolean,
  ) {
    this.#lockPath = `${path}.lock`;
  }

  /** Reads the file (missing = empty) and, unless `readOnly`, locks it and opens it for appending. */
  static async open(path: string, options: { readOnly?: boolean } = {}): Promise<Checkpoint> {
    const checkpoint = new Checkpoint(path, options.readOnly ?? false);
    if (!checkpoint.readOnly) await checkpoint.#lock();
    try {
      await checkpoint.#load();
      if (!checkpoint.readOnly) checkpoint.#openForAppend();
    } catch (error) {
      await checkpoint.close();
      throw error instanceof CheckpointError
        ? error
        : new CheckpointError(`cannot use checkpoint ${path}: ${error}`);
    }
    return checkpoint;
  }

  /** The outcome a previous run recorded, when the item needs no redo (applied or skipped). */
  done(id: string): DoneOutcome | undefined {
    return this.#done.get(id);
  }

  /** Appends the item's outcome and flushes it to disk. Dry-run reports are not recorded. */
  record(report: SyncReport): void {
    if (this.#fd === undefined || report.dryRun || report.status === "planned") return;
    const record: CheckpointRecord = {
      id: report.interactionId,
      status: report.status,
      ...(report.status === "skipped" && report.reason ? { reason: report.reason.code } : {}),
      ...(report.status === "failed" ? { error: firstFailure(report)?.message ?? "failed" } : {}),
      ...(report.conversationId !== undefined ? { conversationId: report.conversationId } : {}),
      at: new Date().toISOString(),
    };
    writeSync(this.#fd, `${JSON.stringify(record)}\n`);
    fdatasyncSync(this.#fd);
    this.#remember(record);
  }

  /** Closes the file and releases the lock; safe to call twice. */
  async close(): Promise<void> {
    if (this.#fd !== undefined) closeSync(this.#fd);
    this.#fd = undefined;
    if (!this.readOnly) await unlink(this.#lockPath).catch(() => {});
  }

  #remember(record: Pick<CheckpointRecord, "id" | "status" | "reason">): void {
    if (record.status === "applied") this.#done.set(record.id, { status: "applied" });
    else if (record.status === "skipped")
      this.#done.set(record.id, { status: "skipped", reason: record.reason ?? "unchanged" });
    else this.#done.delete(record.id);
  }

  async #load(): Promise<void> {
    let size: number;
    try {
      size = statSync(this.path).size;
    } catch {
      return;
    }
    if (size === 0) return;
    const lines = createInterface({
      input: createReadStream(this.path, "utf8"),
      crlfDelay: Number.POSITIVE_INFINITY,
    });
    let number = 0;
    for await (const line of lines) {
      number += 1;
      if (line.trim() === "") continue;
      let record: unknown;
      try {
        record = JSON.parse(line);
      } catch {
        // Note: a line torn by a kill mid-write is the start of a record; its item was not done.
        if (RECORD_START.startsWith(line.slice(0, RECORD_START.length))) continue;
        throw this.#foreign(number, "is not JSON");
      }
      if (!isRecord(record)) throw this.#foreign(number, "is not a checkpoint record ({ id, status, at })");
      this.#remember(record);
    }
  }

  /** The error for a file that is not a checkpoint: its path and first bad line, never the line itself. */
  #foreign(line: number, problem: string): CheckpointError {
    return new CheckpointError(
      `${this.path} is not a cxkit checkpoint: line ${line} ${problem}; name a new file, or the one a backfill wrote`,
    );
  }

  #openForAppend(): void {
    this.#fd = openSync(this.path, "a+");
    const size = statSync(this.path).size;
    if (size === 0) return;
    // Note: after a torn last line, start on a fresh line so the next record parses.
    const last = Buffer.alloc(1);
    readSync(this.#fd, last, 0, 1, size - 1);
    if (last.toString() !== "\n") writeSync(this.#fd, "\n");
  }

  async #lock(): Promise<void> {
    try {
      await writeFile(this.#lockPath, String(process.pid), { flag: "wx" });
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST")
        throw new CheckpointError(`cannot lock ${this.path}: ${error}`);
    }
    const owner = Number((await readFile(this.#lockPath, "utf8").catch(() => "")).trim());
    if (Number.isInteger(owner) && owner !== process.pid && isAlive(owner)) {
      throw new CheckpointError(
        `checkpoint ${this.path} is in use by process ${owner} (lock: ${this.#lockPath})`,
      );
    }
    // Note: the lock of a process that no longer runs (e.g. killed with SIGKILL) is taken over.
    await writeFile(this.#lockPath, String(process.pid));
  }
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
