// The terminal report of one API's sync: which upstream documents changed, the classified changes
// in what we ship, vendor changes we do not ship, and vendor changes under our corrections.
import { apis } from "../apis.mjs";
import { sha256 } from "../manifest.mjs";
import { describeChange, formatReport } from "../spec-diff/report.mjs";
import { describeAction } from "./overlay-document.mjs";

const short = (value) => {
  const json = value === undefined ? "absent" : JSON.stringify(value);
  return json.length > 80 ? `${json.slice(0, 77)}...` : json;
};

/** Where two JSON values first differ: `{ at: ".0.is.properties.cc", was, now }`. */
export function firstDifference(was, now, at = "") {
  const objects = was !== null && now !== null && typeof was === "object" && typeof now === "object";
  if (!objects || Array.isArray(was) !== Array.isArray(now)) {
    return JSON.stringify(was) === JSON.stringify(now) ? undefined : { at: at || ".", was, now };
  }
  for (const key of new Set([...Object.keys(was), ...Object.keys(now)])) {
    const found = firstDifference(was[key], now[key], `${at}.${key}`);
    if (found) return found;
  }
  return undefined;
}

/** The report of one prepared API, as lines of text. */
export function syncReport(plan) {
  const api = apis[plan.name];
  if (plan.unchanged) return `${plan.name}: the upstream documents are as last retrieved; nothing to do`;
  const lines = plan.documents
    .filter((document) => document.changed)
    .map(
      (document) =>
        `${plan.name}: ${document.file} changed upstream (${document.source}, sha256 ${sha256(document.text).slice(0, 12)}…)`,
    );
  if (plan.specChanged) lines.push(formatReport({ api: plan.name, packageName: api.package, ...plan }));
  else
    lines.push(
      `${plan.name}: ${api.spec} unchanged (what changed is not shipped, or a correction overrides it): no types generated, no changeset`,
    );
  if (plan.vendor.length > 0) {
    lines.push(
      `  vendor operations we do not ship (nothing generated; ship one with an overlay action in ${api.overlay}):`,
    );
    for (const operation of plan.vendor) {
      lines.push(`    ${operation.kind}: ${operation.label}`);
      if (operation.kind === "changed")
        for (const change of operation.changes) lines.push(`      ${describeChange(change)}`);
    }
  }
  if (plan.overridden.length > 0) {
    lines.push(
      `  vendor changes under our corrections (the overlay still overrides them; check each is still right):`,
    );
    for (const result of plan.overridden) {
      lines.push(`    ${describeAction(result)}`);
      const difference = firstDifference(JSON.parse(result.was || "null"), JSON.parse(result.overridden));
      if (difference)
        lines.push(`      at ${difference.at}: was ${short(difference.was)}, now ${short(difference.now)}`);
    }
  }
  for (const fix of plan.fixes) lines.push(`  fix applied: ${fix.summary} at ${fix.pointers.join(", ")}`);
  if (plan.specChanged && !plan.typesChanged && plan.changes.some((change) => change.level !== "cosmetic")) {
    lines.push(`  note: these changes do not reach the generated types; check ${api.packageDir}/src by hand`);
  }
  return lines.join("\n");
}
