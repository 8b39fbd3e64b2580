// Reads an overlay document and checks what cxkit asks of every action: a target, exactly one of
// update / remove / copy, why it exists (`description`), on what ground (`x-cxkit-source`) and the
// group the specs/README.md index lists it under (`x-cxkit-group`). When the overlay declares its
// groups (`x-cxkit-groups`: name -> why, once per group), every action belongs to a declared group,
// every declared group has actions, and each group's actions run together in the declared order.
import { SpecError } from "../normalize-spec.mjs";
import { readYaml } from "./read-yaml.mjs";

/** An overlay that cannot be read or applied; names the file, the action and its source. */
export class OverlayError extends SpecError {}

/**
 * @typedef {{ target: string, description: string, "x-cxkit-source": string | string[],
 *   "x-cxkit-group": string, update?: unknown, remove?: true, copy?: string }} OverlayAction
 * @typedef {{ index: number, group: string, target: string, source: string[], description: string,
 *   matched: number, copied?: string, problem?: "stale" | "conflict", detail?: string,
 *   overriddenValues?: unknown[], overridden?: string }} ActionResult
 */

/** One line naming an action, for messages: `#12 [ship createConversation] $.paths... (source: ...)`. */
export function describeAction(result) {
  return `#${result.index + 1} [${result.group}] ${result.target} (source: ${result.source.join("; ")})`;
}

/** Parses and checks an overlay document: every action says why (`description`) and on what ground. */
export function readOverlay(text, file) {
  let overlay;
  try {
    overlay = readYaml(text);
  } catch (error) {
    throw new OverlayError(`${file} does not parse as YAML: ${error.message.split("\n")[0]}`);
  }
  if (!/^1\.[01]\.\d+$/.test(String(overlay?.overlay ?? ""))) {
    throw new OverlayError(`${file} is not an Overlay 1.0/1.1 document (overlay: ${overlay?.overlay})`);
  }
  if (!Array.isArray(overlay.actions)) throw new OverlayError(`${file} has no actions list`);
  const problems = [];
  overlay.actions.forEach((action, index) => {
    const at = `${file} action #${index + 1}`;
    if (typeof action?.target !== "string" || !action.target.startsWith("$")) {
      problems.push(`${at}: target must be a JSONPath starting with $`);
      return;
    }
    const kinds = ["update", "remove", "copy"].filter((key) => Object.hasOwn(action, key));
    if (kinds.length !== 1)
      problems.push(`${at} (${action.target}): needs exactly one of update, remove, copy`);
    if (Object.hasOwn(action, "remove") && action.remove !== true)
      problems.push(`${at}: remove must be true`);
    if (!sources(action).length) problems.push(`${at} (${action.target}): no x-cxkit-source`);
    if (typeof action.description !== "string" || !action.description.trim()) {
      problems.push(`${at} (${action.target}): no description (why the action exists)`);
    }
    if (typeof action["x-cxkit-group"] !== "string")
      problems.push(`${at} (${action.target}): no x-cxkit-group`);
  });
  problems.push(...groupProblems(overlay, file));
  if (problems.length > 0) throw new OverlayError(problems.join("\n"));
  return overlay;
}

/** What is wrong with the overlay's declared groups (`x-cxkit-groups`), if it declares them. */
function groupProblems(overlay, file) {
  const declared = overlay["x-cxkit-groups"];
  if (declared === undefined) return [];
  const isMap = declared !== null && typeof declared === "object" && !Array.isArray(declared);
  if (!isMap) return [`${file}: x-cxkit-groups must map each group to why it exists`];
  const problems = [];
  const names = Object.keys(declared);
  for (const name of names) {
    if (typeof declared[name] !== "string" || !declared[name].trim())
      problems.push(`${file}: group "${name}" says nothing in x-cxkit-groups (why it exists)`);
  }
  const seen = [];
  overlay.actions.forEach((action, index) => {
    const group = action?.["x-cxkit-group"];
    if (typeof group !== "string") return;
    if (!Object.hasOwn(declared, group)) {
      problems.push(`${file} action #${index + 1}: group "${group}" is not declared in x-cxkit-groups`);
    } else if (seen.at(-1) !== group) {
      if (seen.includes(group))
        problems.push(`${file} action #${index + 1}: group "${group}" is split; keep its actions together`);
      seen.push(group);
    }
  });
  const order = names.filter((name) => seen.includes(name));
  if (order.join("\n") !== seen.filter((name, at) => seen.indexOf(name) === at).join("\n"))
    problems.push(`${file}: the actions' groups do not run in the order x-cxkit-groups declares them`);
  for (const name of names.filter((name) => !seen.includes(name)))
    problems.push(`${file}: group "${name}" is declared in x-cxkit-groups but has no actions`);
  return problems;
}

export function sources(action) {
  const source = action?.["x-cxkit-source"];
  return (Array.isArray(source) ? source : [source]).filter(
    (item) => typeof item === "string" && item.trim(),
  );
}
