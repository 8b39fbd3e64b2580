#!/usr/bin/env node
// Brings a vendor's change in: fetch the upstream documents (conditional requests), rebuild the spec
// through our overlay, classify what changed, then write the documents, the spec, its manifest
// entry, the generated types and a changeset.
//   pnpm sync-specs [api ...] [--from <dir-or-url>] [--dry-run]
// Each upstream document comes from its manifest `url`, or from --from (one API only): a directory
// or base URL holding the documents under their file names. Every API is prepared before anything
// is written: one failure (a fetch, a stale overlay action, lint) leaves the repository untouched.
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { parse } from "yaml";
import { apis, repoRoot, selectApis } from "./apis.mjs";
import { releaseBump, writeChangeset } from "./changeset-writer.mjs";
import { lintSpec } from "./lint-spec.mjs";
import { sha256, updateManifest } from "./manifest.mjs";
import { parseSpec, SpecError, sameSpec } from "./normalize-spec.mjs";
import { fetchDocument, isUrl, SourceError } from "./read-spec-source.mjs";
import { classifyChanges } from "./spec-diff/classify.mjs";
import { describeChange, formatReport } from "./spec-diff/report.mjs";
import { buildSpec, manifestEntry, readUpstream } from "./specs/build-spec.mjs";
import { mergeUpstream } from "./specs/merge-upstream.mjs";
import { unshippedChanges } from "./specs/vendor-changes.mjs";
import { problemLines } from "./specs-build.mjs";

const usage = "usage: pnpm sync-specs [api ...] [--from <dir-or-url>] [--dry-run]";

/** Today as YYYY-MM-DD (UTC), the manifest's `retrieved` and the changeset's date. */
export function today() {
  return new Date().toISOString().slice(0, 10);
}

/** Fetches one API's upstream documents; `changed` lists those whose bytes differ from ours. */
async function fetchUpstream(name, { from, cwd }) {
  const entry = await manifestEntry(name);
  const committed = await readUpstream(name);
  const documents = [];
  for (const [index, document] of entry.upstream.entries()) {
    const source = from
      ? isUrl(from)
        ? `${from.replace(/\/$/, "")}/${basename(document.file)}`
        : join(from, basename(document.file))
      : document.url;
    const got = await fetchDocument(source, {
      cwd,
      ...(from ? {} : { etag: document.etag, lastModified: document.lastModified, format: document.format }),
    });
    const text = got.notModified ? committed[index].text : got.text;
    if (!got.notModified) parseSpec(text, source);
    documents.push({
      file: document.file,
      source,
      text,
      changed: text !== committed[index].text,
      meta: got.notModified ? {} : { etag: got.etag, lastModified: got.lastModified },
    });
  }
  return { documents, committed };
}

/** Reads, rebuilds and classifies one API without writing to the repository. */
async function prepare(name, { from, cwd, scratch }) {
  const api = apis[name];
  const { documents, committed } = await fetchUpstream(name, { from, cwd });
  if (!documents.some((document) => document.changed)) return { name, unchanged: true, documents };
  const build = await buildSpec(name, { upstream: documents, withVendor: true });
  if (build.problems.length > 0) {
    throw new SpecError(
      `${problemLines(build).join("\n")}\nthe vendor changed what these actions correct: review them in ${api.overlay}`,
    );
  }
  const before = mergeUpstream(committed.map(({ file, text }) => ({ file, doc: parseSpec(text, file) })));
  const vendor = unshippedChanges(before, build.vendor, build.shipped);
  const specPath = join(repoRoot, api.spec);
  const previous = await readFile(specPath, "utf8");
  const oldDoc = parse(previous);
  const plan = { name, unchanged: false, documents, vendor, fixes: build.fixes };
  if (sameSpec(oldDoc, parse(build.text))) return { ...plan, specChanged: false };

  const candidate = join(scratch, name, "openapi.yaml");
  await mkdir(join(scratch, name), { recursive: true });
  await writeFile(candidate, build.text);
  const lint = await lintSpec(candidate, { config: join(repoRoot, "redocly.yaml") });
  if (!lint.ok) {
    const output = lint.output
      .split("\n")
      .filter((line) => !/[╔║╚]/.test(line))
      .join("\n")
      .trim();
    throw new SpecError(
      `${name}: the spec built from the new upstream fails lint (redocly.yaml rules):\n${output}`,
    );
  }
  const { changes } = classifyChanges(oldDoc, build.doc);
  // Note: imported here, as openapi-typescript loads the TypeScript compiler (about a second).
  const { renderSchema, renderValidators } = await import("./generate.mjs");
  const types = await renderSchema(candidate, api.spec);
  const validators = await renderValidators(candidate, api.spec);
  const typesChanged = types !== (await renderSchema(specPath, api.spec));
  return {
    ...plan,
    specChanged: true,
    text: build.text,
    types,
    validators,
    changes,
    typesChanged,
    bump: releaseBump(changes, typesChanged),
    from: oldDoc?.info?.version ?? "none",
    to: build.version,
  };
}

/** Writes one prepared API into the repository; returns the files it wrote. */
async function apply(plan, date) {
  if (plan.unchanged) return [];
  const api = apis[plan.name];
  const written = [];
  const upstream = {};
  for (const document of plan.documents.filter((item) => item.changed)) {
    await writeFile(join(repoRoot, document.file), document.text);
    upstream[document.file] = { retrieved: date, ...document.meta };
    written.push(document.file);
  }
  if (plan.specChanged) {
    await writeFile(join(repoRoot, api.spec), plan.text);
    const { writeSchema, writeValidators } = await import("./generate.mjs");
    await writeSchema(join(repoRoot, api.generated), plan.types);
    // Note: the validators name the spec's lines, so any change to the spec may move them.
    written.push(api.spec, api.generated, await writeValidators(api, plan.validators));
  }
  await updateManifest([plan.name], { root: repoRoot, upstream: { [plan.name]: upstream } });
  written.push("specs/manifest.json");
  if (plan.bump) {
    const file = await writeChangeset({
      root: repoRoot,
      date,
      api: plan.name,
      packageName: api.package,
      bump: plan.bump,
      changes: plan.changes,
      from: plan.from,
      to: plan.to,
    });
    written.push(file.slice(repoRoot.length));
  }
  return written;
}

function report(plan) {
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
      `${plan.name}: ${api.spec} unchanged: nothing we ship changed; no types generated, no changeset`,
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
  for (const fix of plan.fixes) lines.push(`  fix applied: ${fix.summary} at ${fix.pointers.join(", ")}`);
  if (plan.specChanged && !plan.typesChanged && plan.changes.some((change) => change.level !== "cosmetic")) {
    lines.push(`  note: these changes do not reach the generated types; check ${api.packageDir}/src by hand`);
  }
  return lines.join("\n");
}

export async function main(argv) {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        from: { type: "string" },
        "dry-run": { type: "boolean", default: false },
        help: { type: "boolean" },
      },
    });
  } catch (error) {
    throw new SourceError(`${error.message}\n${usage}`);
  }
  const { values, positionals } = parsed;
  if (values.help) return console.log(usage);
  let names;
  try {
    names = selectApis(positionals);
  } catch (error) {
    throw new SourceError(error.message);
  }
  if (values.from && names.length !== 1) throw new SourceError("--from needs exactly one API name");
  const cwd = process.env.INIT_CWD ?? process.cwd();
  const scratch = await mkdtemp(join(tmpdir(), "cxkit-sync-"));
  try {
    const plans = [];
    for (const name of names) plans.push(await prepare(name, { from: values.from, cwd, scratch }));
    const date = today();
    for (const plan of plans) {
      console.log(report(plan));
      if (values["dry-run"]) continue;
      for (const file of await apply(plan, date)) console.log(`  wrote ${file}`);
    }
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  try {
    await main(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof SpecError || error instanceof SourceError)) throw error;
    console.error(`sync-specs: ${error.message}\nnothing in the repository was changed`);
    process.exitCode = 1;
  }
}
