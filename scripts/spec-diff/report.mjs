// Prints the classified changes of a spec, grouped by operation: for the terminal and for changesets.
import { rules } from "./rules.mjs";

const marks = { breaking: "!", additive: "+", cosmetic: "~" };
const order = { breaking: 0, additive: 1, cosmetic: 2 };

/** Groups changes by operation: the API-wide ones first, then operations, then components. */
export function groupChanges(changes) {
  const groups = new Map();
  for (const change of changes) {
    if (!groups.has(change.group)) groups.set(change.group, []);
    groups.get(change.group).push(change);
  }
  const rank = (group) => (group === "API" ? 0 : group === "components" ? 2 : 1);
  return [...groups.entries()]
    .sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b))
    .map(([group, list]) => [group, [...list].sort((x, y) => order[x.level] - order[y.level])]);
}

/** One change as a line: "response 200 › data.email: field removed (detail)". */
export function describeChange(change) {
  const where = change.field ? `${change.location} › ${change.field}` : change.location;
  return `${where}: ${rules[change.rule].summary}${change.detail ? ` (${change.detail})` : ""}`;
}

/** Counts per level, e.g. "1 breaking, 2 additive". */
export function countChanges(changes) {
  const counts = ["breaking", "additive", "cosmetic"]
    .map((level) => [level, changes.filter((change) => change.level === level).length])
    .filter(([, count]) => count > 0);
  return counts.length > 0 ? counts.map(([level, count]) => `${count} ${level}`).join(", ") : "no changes";
}

/** The terminal report of one API's sync. */
export function formatReport({ api, packageName, from, to, changes, bump, typesChanged }) {
  const lines = [`${api}: spec ${from} -> ${to}, ${countChanges(changes)}`];
  for (const [group, list] of groupChanges(changes)) {
    lines.push(`  ${group}`);
    for (const change of list)
      lines.push(`    ${marks[change.level]} ${change.level.padEnd(8)} ${describeChange(change)}`);
  }
  if (!typesChanged) {
    lines.push(`  generated types unchanged: no changeset for ${packageName}`);
  } else {
    lines.push(`  generated types changed: ${bump ?? "patch"} bump for ${packageName}`);
  }
  return lines.join("\n");
}

/** The change list of a changeset body, as Markdown. */
export function formatChangeList(changes) {
  const lines = [];
  for (const [group, list] of groupChanges(changes)) {
    lines.push(`- ${group.replace(/^((?:WEBHOOK )?[A-Z]+ \S+)/, "`$1`")}`);
    for (const change of list) lines.push(`  - ${change.level}: ${describeChange(change)}`);
  }
  return lines.join("\n");
}
