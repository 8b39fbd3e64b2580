// Applies an OpenAPI Overlay (1.0 or 1.1; https://spec.openapis.org/overlay/v1.1.0.html) with
// openapi-format's implementation, one action at a time, and accounts for each action: how many nodes
// its RFC 9535 target matched and whether it changed anything. An action that matches nothing or
// changes nothing is stale (the vendor fixed or moved what we corrected); one the engine cannot apply
// is a conflict. Either fails the build, so a correction never silently stops applying.
import { paths as jsonPaths } from "jsonpathly";
// Note: the overlay module alone (openapi-format's main module loads its whole CLI toolbox); the
// version is pinned in the catalog, and tests/overlay.test.ts holds the behaviour we rely on.
import openapiFormatOverlay from "openapi-format/utils/overlay.js";
import { sources } from "./overlay-document.mjs";
import { changesNothing, isPlainObject, overriddenValues, valueAt } from "./overlay-effect.mjs";

const { openapiOverlay, resolveJsonPath } = openapiFormatOverlay;

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

/**
 * Applies the overlay to `doc` in place, action by action.
 * @param {{ track?: boolean }} [options] track: record in each result what of the document the action
 *   removes or overwrites (`overriddenValues`)
 * @returns {{ doc: any, results: import("./overlay-document.mjs").ActionResult[] }} results: one per action, `problem` set when stale
 *   (matched nothing, changed nothing) or in conflict (the engine could not apply it)
 */
export async function applyOverlay(doc, overlay, { track = false } = {}) {
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
    if (track) result.overriddenValues = overriddenValues(current, targets, action);
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
