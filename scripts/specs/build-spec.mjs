// Builds specs/<api>/openapi.yaml from the vendor's documents: upstream documents -> merge ->
// overlay (our selection and sourced corrections) -> our normalisation (prune what nothing shipped
// uses, the recorded shape fixes, one canonical rendering). Pure: reads, never writes.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { apis, repoRoot } from "../apis.mjs";
import { parseSpec, renderSpec } from "../normalize-spec.mjs";
import { applySpecFixes } from "../spec-fixes.mjs";
import { mergeUpstream } from "./merge-upstream.mjs";
import { eachOperation } from "./operations.mjs";
import { applyOverlay } from "./overlay.mjs";
import { readOverlay } from "./overlay-document.mjs";
import { describeOverridden } from "./overlay-effect.mjs";
import { componentNames, prune } from "./prune.mjs";

/** The manifest entry of one API (`upstream`: its documents, in merge order). */
export async function manifestEntry(name, root = repoRoot) {
  const manifest = JSON.parse(await readFile(join(root, "specs", "manifest.json"), "utf8"));
  const entry = manifest.apis?.[name];
  if (!entry) throw new Error(`${name}: no entry in specs/manifest.json`);
  if (!Array.isArray(entry.upstream) || entry.upstream.length === 0) {
    throw new Error(`${name}: its manifest entry lists no upstream documents`);
  }
  return entry;
}

/** The upstream documents as committed: `[{ file, text }]` in manifest order. */
export async function readUpstream(name, root = repoRoot) {
  const entry = await manifestEntry(name, root);
  return Promise.all(
    entry.upstream.map(async ({ file }) => ({ file, text: await readFile(join(root, file), "utf8") })),
  );
}

/**
 * Sets each tracked result's `overridden`: what the action removed or overwrote, with the vendor
 * components it refers to whose content does not reach the built spec by another way.
 */
function describeOverrides(results, doc, fromUpstream, vendor) {
  const flows = new Set([...componentNames(doc)].filter((name) => fromUpstream.has(name)));
  for (const { copied } of results) {
    const match = /^\$\['components'\]\['([^']+)'\]\['((?:[^'\\]|\\.)*)'\]$/.exec(copied ?? "");
    if (match) flows.add(`${match[1]}/${match[2]}`);
  }
  for (const result of results) {
    if (result.overriddenValues)
      result.overridden = describeOverridden(result.overriddenValues, vendor, flows);
  }
}

/**
 * @param {string} name the API
 * @param {{ root?: string, upstream?: { file: string, text: string }[],
 *   withVendor?: boolean, track?: boolean }} [options] upstream: documents to build from (default: the committed
 *   ones); withVendor: also return the vendor's merged document as fetched (`vendor`); track: record what
 *   each action removes or overwrites (`results[].overridden`)
 */
export async function buildSpec(name, { root = repoRoot, upstream, withVendor = false, track = false } = {}) {
  const sources = upstream ?? (await readUpstream(name, root));
  const documents = sources.map(({ file, text }) => ({ file, doc: parseSpec(text, file) }));
  const merged = mergeUpstream(documents);
  const vendorOperations = [...eachOperation(merged.paths)].map(({ method, path }) => ({ method, path }));
  // Note: a copy of the vendor's merged document only for sync-specs' report (a clone costs).
  const vendor = withVendor || track ? structuredClone(merged) : undefined;
  const fixes = applySpecFixes(merged);
  const overlayFile = apis[name]?.overlay ?? `specs/${name}/overlay.yaml`;
  const overlay = readOverlay(await readFile(join(root, overlayFile), "utf8"), overlayFile);
  const fromUpstream = componentNames(merged);
  const { doc, results } = await applyOverlay(merged, overlay, { track });
  const pruned = prune(doc, fromUpstream);
  if (track) describeOverrides(results, doc, fromUpstream, vendor);
  fixes.push(...applySpecFixes(doc));
  // Note: the spec is a function of the vendor's documents and the overlay alone, so a hand edit of
  // openapi.yaml, even a comment, fails `--check`.
  const text = renderSpec(doc, [
    `Built by \`pnpm specs:build ${name}\` from specs/${name}/upstream/ and ${overlayFile}: do not edit.`,
    "Change the overlay and build again (docs/specs.md).",
  ]);
  // Note: a vendor operation ships when an action copies it or it stays where the vendor put it.
  const copied = new Set(results.flatMap((result) => (result.copied ? [result.copied] : [])));
  const shipped = new Set();
  for (const { method, path } of vendorOperations) {
    const pointer = `$['paths']['${path.replaceAll("'", "\\'")}']['${method}']`;
    const built = doc.paths?.[path]?.[method];
    if (built || copied.has(pointer) || copied.has(`$['paths']['${path}']`)) shipped.add(`${method} ${path}`);
  }
  return {
    name,
    doc,
    text,
    vendor,
    shipped,
    results,
    problems: results.filter((result) => result.problem),
    fixes,
    pruned,
    overlay,
    version: doc.info?.version,
  };
}
