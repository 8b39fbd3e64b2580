// The Markdown drift report: what to change in the spec, then what each case did.

const KIND_ADVICE = {
  "extra-field": "add the field to the schema (additive: nothing broke)",
  "missing-field": "drop it from `required` (or confirm with the vendor it is a bug)",
  "type-changed": "change the type (a breaking change for users of the field)",
  "enum-value": "add the value to the enum",
  format: "relax or fix the `format`",
  constraint: "relax the constraint",
  "union-mismatch": "add the new shape to the union",
  envelope: "fix the response envelope (or the operation's response schema)",
};

/** Renders a report object of `contractLive` as Markdown. */
export function renderReport(report) {
  const lines = [
    `# Drift report: ${report.api}`,
    "",
    `Spec \`${report.spec}\` against ${report.baseUrl}: **${report.coverage.line}**.`,
    "",
  ];
  if (report.drifts.length === 0) {
    lines.push("No drift: every answer matched the spec.", "");
  } else {
    lines.push(
      "## What to change in the spec",
      "",
      "| Operation | Status | Body pointer | Drift | Spec location | The spec says | To do |",
      "|---|---|---|---|---|---|---|",
      ...report.drifts.map((drift) => {
        const says = [
          drift.expected.required !== undefined ? `required \`${drift.expected.required}\`` : "",
          drift.expected.type !== undefined ? `type \`${drift.expected.type}\`` : "",
          drift.expected.enum !== undefined ? `one of \`${JSON.stringify(drift.expected.enum)}\`` : "",
          drift.expected.format !== undefined ? `format \`${drift.expected.format}\`` : "",
        ].find(Boolean);
        return `| ${drift.operationId} | ${drift.status} | \`${drift.pointer || "(body)"}\` | ${drift.kind} | \`${drift.spec.file}\` line ${drift.spec.line ?? "?"} (\`${drift.spec.pointer}\`) | ${says || drift.expected.keyword} | ${KIND_ADVICE[drift.kind] ?? ""} |`;
      }),
      "",
      "Fix each location in the spec (check the vendor's documentation first), run `pnpm generate`, and let",
      "`pnpm sync-specs` tell whether the vendor's published spec already says so.",
      "",
    );
  }
  lines.push(
    "## Cases",
    "",
    "| Operation | Outcome | Status | Drifts | Prism's response violations |",
    "|---|---|---|---|---|",
    ...report.cases.map(
      (run) =>
        `| ${run.operationId} (\`${run.operation}\`) | ${run.outcome}${run.reason ? `: ${run.reason.replaceAll("|", "\\|")}` : ""} | ${run.status ?? ""} | ${run.drifts} | ${run.proxyViolations.length} |`,
    ),
    "",
  );
  return lines.join("\n");
}
