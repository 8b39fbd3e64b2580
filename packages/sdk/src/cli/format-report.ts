import type {
  BackfillReport,
  FieldReport,
  SyncReport,
  WriteBackReport,
} from "../alpharun-to-dixa/sync-report.js";
import { renderTable } from "./render-table.js";

/** The human summary of one sync: where it landed, then a row per field and one for the write-back. */
export function formatSyncReport(report: SyncReport): string {
  const lines: string[] = [];
  const where =
    report.conversationId === undefined
      ? "no Dixa conversation"
      : `Dixa conversation ${report.conversationId} (${
          report.conversationSource === "explicit"
            ? "given with --conversation"
            : `most recent of end user ${report.endUser?.id}, matched by ${report.endUser?.matchedBy} ${report.endUser?.value}`
        })`;
  lines.push(`Interaction ${report.interactionId} -> ${where}`);
  if (report.dryRun) lines.push("Dry run: nothing was written.");
  const rows = report.fields.map(fieldRow);
  if (report.writeBack) rows.push(writeBackRow(report.writeBack));
  if (rows.length > 0)
    lines.push("", renderTable(["field", "dixa attribute", "status", "value / reason"], rows));
  if (report.error) {
    lines.push("", `Failed at ${report.error.stage}: ${report.error.message}`);
  }
  lines.push(
    "",
    `Result: ${report.status}${report.reason ? ` (${report.reason.code}: ${report.reason.message})` : ""}`,
  );
  return lines.join("\n");
}

function fieldRow(field: FieldReport): string[] {
  const attribute = field.attribute ?? "-";
  if (field.status === "skipped")
    return [field.key, attribute, "skipped", `${field.reason.code}: ${field.reason.message}`];
  if (field.status === "failed")
    return [field.key, attribute, "failed", `${field.error.stage}: ${field.error.message}`];
  return [field.key, attribute, field.status, JSON.stringify(field.dixaValue)];
}

function writeBackRow(back: WriteBackReport): string[] {
  const target = `alpharun:${back.key}`;
  if (back.status === "skipped")
    return ["(write-back)", target, "skipped", `${back.reason.code}: ${back.reason.message}`];
  if (back.status === "failed") return ["(write-back)", target, "failed", back.error.message];
  return ["(write-back)", target, back.status, JSON.stringify(back.value)];
}

/** The human summary of a backfill: counts by outcome, skip reasons, and the listed failures. */
export function formatBackfillReport(report: BackfillReport, subject: string): string {
  const seconds = (report.durationMs / 1000).toFixed(1);
  const lines = [
    `Backfill of ${subject}: ${report.total} interactions in ${seconds} s${report.dryRun ? " (dry run)" : ""}`,
  ];
  if (report.aborted) lines.push("Interrupted: interactions not yet started were left for the next run.");
  const rows = [
    [
      "applied",
      String(report.applied),
      report.resumed > 0 ? "includes those recorded in the checkpoint" : "",
    ],
  ];
  if (report.dryRun) rows.push(["planned", String(report.planned), "would be written"]);
  const reasons = Object.entries(report.skipReasons).map(([code, count]) => `${code} ${count}`);
  rows.push(["skipped", String(report.skipped), reasons.join(", ")]);
  rows.push(["failed", String(report.failed), ""]);
  if (report.resumed > 0)
    rows.push(["from checkpoint", String(report.resumed), "finished by an earlier run, not redone"]);
  lines.push("", renderTable(["outcome", "count", "detail"], rows));
  if (report.failures.length > 0) {
    const failures = report.failures.map((failure) => [
      failure.interactionId,
      failure.error.stage,
      failure.error.message,
    ]);
    lines.push("", renderTable(["failed interaction", "stage", "error"], failures));
    if (report.unlistedFailures > 0) lines.push(`... and ${report.unlistedFailures} more`);
  }
  if (report.checkpoint) {
    const hint = report.failed > 0 || report.aborted ? ": run again to retry what is not done" : "";
    lines.push("", `Checkpoint ${report.checkpoint}${hint}`);
  }
  return lines.join("\n");
}
