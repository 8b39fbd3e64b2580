import { BackfillInterruptedError, isMisconfiguration, passConfigurationErrors } from "../errors.js";
import { firstFailure, type OutcomeStatus, type SkipCode } from "../outcome.js";
import type { SyncContext } from "../sync-context.js";
import type { CustomerInteraction } from "../vendor-types.js";
import { assertMappingFits } from "./check-mapping.js";
import { Checkpoint } from "./checkpoint.js";
import { runPool } from "./run-pool.js";
import { type SyncOptions, syncInteraction } from "./sync-interaction.js";
import type { BackfillProgress, BackfillReport, SyncReport } from "./sync-report.js";

export interface BackfillOptions extends SyncOptions {
  /** interactions synced at once, 1 to 100; Dixa's rate limiter paces the requests (default 4) */
  concurrency?: number;
  /**
   * JSON Lines file recording each finished interaction; a later run with the same file skips those
   * applied or skipped, and retries those that failed (default: none, nothing is remembered)
   */
  checkpoint?: string;
  /** called after each interaction with the running counts (default: none) */
  onProgress?: (progress: BackfillProgress) => void;
  /** called with each interaction's report as it finishes; not called for ones resumed from the checkpoint (default: none) */
  onItem?: (report: SyncReport) => void;
  /**
   * stops taking new interactions; those in flight finish and are recorded (unlike a sync's `signal`,
   * it aborts no request) (default: none)
   */
  signal?: AbortSignal;
  /** how many failures the report lists in full, a whole number >= 0; the rest are only counted (default 100) */
  maxListedFailures?: number;
}

/** Accounts for every interaction of a backfill exactly once. */
/** An interaction to backfill: its id, and the interaction itself when the source already fetched it. */
export type BackfillItem = string | { id: string; interaction?: CustomerInteraction };

/**
 * Syncs a stream of interactions with bounded concurrency and memory that does not grow with the
 * stream (counts, plus at most `maxListedFailures` failures; a checkpoint adds one small entry per id).
 * Note: without a checkpoint, an id the source yields twice is synced and counted twice (the second
 * time as skipped "unchanged").
 */
export async function backfill(
  context: SyncContext,
  items: AsyncIterable<BackfillItem> | Iterable<BackfillItem>,
  options: BackfillOptions = {},
): Promise<BackfillReport> {
  // Note: the options were checked where they entered (`createCx`'s methods).
  const concurrency = options.concurrency ?? 4;
  const maxListed = options.maxListedFailures ?? 100;
  const { signal: stop, onProgress, onItem, ...sync } = options;
  const dryRun = options.dryRun ?? false;
  const started = Date.now();
  const progress: BackfillProgress = {
    done: 0,
    applied: 0,
    skipped: 0,
    failed: 0,
    planned: 0,
    resumed: 0,
    inFlight: 0,
  };
  const skipReasons: Partial<Record<SkipCode, number>> = {};
  const failures: BackfillReport["failures"] = [];
  let unlistedFailures = 0;
  const finish = (completed: boolean): BackfillReport => {
    const { done: _done, inFlight: _inFlight, ...counts } = progress;
    return {
      total: progress.done,
      ...counts,
      dryRun,
      skipReasons,
      failures,
      unlistedFailures,
      aborted: !completed,
      ...(options.checkpoint ? { checkpoint: options.checkpoint } : {}),
      durationMs: Date.now() - started,
    };
  };
  // Note: a mapping that does not fit Dixa would fail every interaction; it stops the run before any write.
  if (options.mapping) {
    await assertMappingFits(context, options.mapping).catch((error: unknown) => {
      throw new BackfillInterruptedError(passConfigurationErrors(error), finish(false));
    });
  }
  const checkpoint = options.checkpoint
    ? await Checkpoint.open(options.checkpoint, { readOnly: dryRun })
    : undefined;
  // Note: with a checkpoint, ids seen this run, so a repeated id is accounted for once.
  const seen = checkpoint ? new Set<string>() : undefined;

  const count = (status: OutcomeStatus, reason?: SkipCode) => {
    progress[status] += 1;
    progress.done += 1;
    if (status === "skipped" && reason) skipReasons[reason] = (skipReasons[reason] ?? 0) + 1;
  };

  const work = async (item: BackfillItem) => {
    const id = typeof item === "string" ? item : item.id;
    if (seen?.has(id)) return;
    seen?.add(id);
    const done = checkpoint?.done(id);
    if (done) {
      progress.resumed += 1;
      count(done.status, done.status === "skipped" ? done.reason : undefined);
      onProgress?.({ ...progress });
      return;
    }
    progress.inFlight += 1;
    let report: SyncReport;
    try {
      report = await syncInteraction(
        context,
        id,
        sync,
        typeof item === "string" ? undefined : item.interaction,
      );
    } finally {
      progress.inFlight -= 1;
    }
    checkpoint?.record(report);
    count(report.status, report.reason?.code);
    if (report.status === "failed") {
      const error = firstFailure(report);
      if (error && failures.length < maxListed) failures.push({ interactionId: id, error });
      else unlistedFailures += 1;
    }
    onItem?.(report);
    onProgress?.({ ...progress });
  };

  let completed: boolean;
  try {
    completed = await runPool(items, concurrency, work, stop);
  } catch (error) {
    // Note: a misconfiguration (e.g. MissingCredentialError, or a bad first id) found before anything was
    // done is thrown as is; anything else, or later (a bad id deep in a stream), carries the report.
    if (isMisconfiguration(error) && progress.done === 0) throw error;
    throw new BackfillInterruptedError(error, finish(false));
  } finally {
    await checkpoint?.close();
  }
  return finish(completed);
}
