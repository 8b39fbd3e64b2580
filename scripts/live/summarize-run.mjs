// The coverage of one live run, in numbers and in the one line a team reads:
// `22 of 24 safe operations checked, 1 skipped (no tag in this account), 1 failed (listAgentsPresence: answered 500), 0 drifts`

/** Counts a run's case results (one per safe operation of the spec) and writes its coverage line. */
export function summarizeRun(cases) {
  const of = (outcome) => cases.filter((run) => run.outcome === outcome);
  const skipped = of("skipped");
  const failed = of("failed");
  const drifts = cases.reduce((sum, run) => sum + run.drifts.length, 0);
  /** @type {Record<string, number>} */
  const skippedBecause = {};
  for (const { reason } of skipped) skippedBecause[reason] = (skippedBecause[reason] ?? 0) + 1;
  const why = Object.entries(skippedBecause)
    .map(([reason, count]) => (count === 1 ? reason : `${reason} ×${count}`))
    .join("; ");
  const failures = failed.map((run) => `${run.operationId}: ${run.reason}`).join("; ");
  const line = [
    `${of("checked").length} of ${cases.length} safe operations checked`,
    `${skipped.length} skipped${why ? ` (${why})` : ""}`,
    `${failed.length} failed${failures ? ` (${failures})` : ""}`,
    `${drifts} drift${drifts === 1 ? "" : "s"}`,
  ].join(", ");
  return {
    safe: cases.length,
    checked: of("checked").length,
    skipped: skipped.length,
    failed: failed.length,
    drifts,
    skippedBecause,
    line,
  };
}
