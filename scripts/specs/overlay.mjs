// Applies an OpenAPI Overlay (1.0 or 1.1; https://spec.openapis.org/overlay/v1.1.0.html) with
// openapi-format's implementation, one action at a time, and accounts for each action: how many nodes
// its RFC 9535 target matched and whether it changed anything. An action that matches nothing or
// changes nothing is stale (the vendor fixed or moved what we corrected); one the engine cannot apply
// is a conflict. Either fails the build, so a correction never silently stops applying.
import { isDeepStrictEqual } from "node:util";
import { paths as jsonPaths } from "jsonpathly";
// Note: the overlay module alone (openapi-format's main module loads its whole CLI toolbox); the
// version is pinned in the catalog, and tests/overlay.test.ts holds the behaviour we rely on.
import openapiFormatOverlay from "openapi-format/utils/overlay.js";
import { SpecError } from "../normalize-spec.mjs";
import { readYaml } from "./read-yaml.mjs";

const { openapiOverlay, resolveJsonPath } = openapiFormatOverlay;

/** An overlay that cannot be read or applied; names the file, the action and its source. */
export class OverlayError extends SpecError {}

/**
 * @typedef {{ target: string, description: string, "x-cxkit-source": string | string[],
 *   "x-cxkit-group": string, update?: unknown, remove?: true, copy?: string }} OverlayAction
 * @typedef {{ index: number, group: string, target: string, source: string[], description: string,
 *   matched: number, copied?: string, problem?: "stale" | "conflict", detail?: string }} ActionResult
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

function sources(action) {
  const source = action?.["x-cxkit-source"];
  return (Array.isArray(source) ? source : [source]).filter(
    (item) => typeof item === "string" && item.trim(),
  );
}

/**
 * Runs `run` with console.error captured: openapi-format reports a failed action there and goes on.
 * Note: its overlay function is async in name only (no await inside), so the messages of one
 * action are all in once it returns.
 */
function quietly(run) {
  const messages = [];
  const log = console.error;
  console.error = (...args) => messages.push(args.join(" "));
  try {
    return { value: run(), messages };
  } finally {
    console.error = log;
  }
}

/** The value at an RFC 9535 normalized path (`$['a'][0]`), read without the engine. */
function valueAt(doc, normalized) {
  let node = doc;
  for (const [, key, index] of normalized.matchAll(/\['((?:[^'\\]|\\.)*)'\]|\[(\d+)\]/g)) {
    node = node?.[index === undefined ? key.replace(/\\(.)/g, "$1") : Number(index)];
  }
  return node;
}

/** True when an update (or copy) at `path` leaves the document as it was before the last remove. */
function changesNothing(doc, path, incoming, taken) {
  const target = valueAt(doc, path);
  if (incoming === null || typeof incoming !== "object" || Array.isArray(incoming) || taken.size === 0) {
    return mergeChangesNothing(target, incoming);
  }
  return Object.entries(incoming).every(([key, value]) => {
    const child = `${path}['${String(key).replaceAll("\\", "\\\\").replaceAll("'", "\\'")}']`;
    return taken.has(child)
      ? isDeepStrictEqual(taken.get(child), value)
      : mergeChangesNothing(target, { [key]: value });
  });
}

function isPlainObject(value) {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/** True when merging `update` into `target` (Overlay rules: objects merge, arrays append) changes nothing. */
function mergeChangesNothing(target, update) {
  if (Array.isArray(update)) return update.length === 0;
  if (update === null || typeof update !== "object") return isDeepStrictEqual(target, update);
  if (target === null || typeof target !== "object" || Array.isArray(target)) return false;
  return Object.entries(update).every(([key, value]) =>
    Array.isArray(value)
      ? isDeepStrictEqual(target[key], value)
      : key in target && mergeChangesNothing(target[key], value),
  );
}

/**
 * Applies the overlay to `doc` in place, action by action.
 * @returns {{ doc: any, results: ActionResult[] }} results: one per action, `problem` set when stale
 *   (matched nothing, changed nothing) or in conflict (the engine could not apply it)
 */
export async function applyOverlay(doc, overlay) {
  let current = doc;
  const results = [];
  // Note: Overlay has no "replace": a correction removes a node, then the next action sets it anew.
  // What the remove took is kept for that next action, so a pair that restores what the vendor
  // already says is reported stale like any other action that changes nothing.
  let removed = new Map();
  for (const [index, action] of overlay.actions.entries()) {
    const result = {
      index,
      group: action["x-cxkit-group"],
      target: action.target,
      source: sources(action),
      description: action.description.trim(),
      matched: 0,
    };
    results.push(result);
    let targets;
    try {
      targets = jsonPaths(current, action.target);
    } catch (error) {
      Object.assign(result, { problem: "conflict", detail: `not RFC 9535 JSONPath: ${error.message}` });
      continue;
    }
    result.matched = targets.length;
    // Note: openapi-format rewrites `[?@...]` filters with a regular expression that stops at the
    // first `]`; a target it reads differently would apply elsewhere, so it is refused here.
    if (
      action.target.includes("[?") &&
      quietly(() => resolveJsonPath(current, action.target)).value.length !== targets.length
    ) {
      Object.assign(result, {
        problem: "conflict",
        detail: "openapi-format reads this target differently: write the filter as [?(...)]",
      });
      continue;
    }
    let incoming = action.update;
    if (typeof action.copy === "string") {
      const from = jsonPaths(current, action.copy);
      result.copied = from[0];
      if (from.length !== 1) {
        const problem = from.length ? "conflict" : "stale";
        Object.assign(result, {
          problem,
          detail: `copy source ${action.copy} matches ${from.length} nodes, not 1`,
        });
        continue;
      }
      incoming = valueAt(current, from[0]);
    }
    if (targets.length === 0) {
      Object.assign(result, { problem: "stale", detail: "target matches nothing" });
      continue;
    }
    const taken = removed;
    removed = new Map();
    if (action.remove) for (const path of targets) removed.set(path, valueAt(current, path));
    if (!action.remove && targets.every((path) => changesNothing(current, path, incoming, taken))) {
      Object.assign(result, { problem: "stale", detail: "changes nothing: the document already says this" });
      continue;
    }
    // Note: for an object merged into objects, openapi-format's 1.0 and 1.1 modes give the same
    // result (its one deepMerge), but 1.1 first clones the target: every update of `$.paths` would
    // copy all of the vendor's paths. The 1.0 mode merges in place, so such updates run in it.
    const inPlace =
      isPlainObject(action.update) && targets.every((path) => isPlainObject(valueAt(current, path)));
    const version = inPlace ? "1.0.0" : overlay.overlay;
    const { value: outcome, messages } = quietly(() =>
      openapiOverlay(current, { overlaySet: { overlay: version, actions: [action] } }),
    );
    current = (await outcome).data;
    if ((await outcome).resultData.totalUsedActions !== 1 || messages.length > 0) {
      Object.assign(result, {
        problem: "conflict",
        detail: messages.join("; ") || "the engine did not apply it",
      });
    }
  }
  return { doc: current, results };
}
