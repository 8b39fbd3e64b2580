// Reads an overlay document and checks what cxkit asks of every action: a target, exactly one of
// update / remove / copy, why it exists (`description`), on what ground (`x-cxkit-source`) and the
// group the specs/README.md index lists it under (`x-cxkit-group`).
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
  if (problems.length > 0) throw new OverlayError(problems.join("\n"));
  return overlay;
}

export function sources(action) {
  const source = action?.["x-cxkit-source"];
  return (Array.isArray(source) ? source : [source]).filter(
    (item) => typeof item === "string" && item.trim(),
  );
}
