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
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { apis, repoRoot, selectApis } from "./apis.mjs";
import { dependentsOf } from "./changeset-guard.mjs";
import { releaseBump, writeChangeset } from "./changeset-writer.mjs";
import { lintSpec } from "./lint-spec.mjs";
import { updateManifest } from "./manifest.mjs";
import { parseSpec, SpecError, sameSpec } from "./normalize-spec.mjs";
import { SourceError } from "./read-spec-source.mjs";
import { classifyChanges } from "./spec-diff/classify.mjs";
import { buildSpec } from "./specs/build-spec.mjs";
import { fetchUpstream } from "./specs/fetch-upstream.mjs";
import { mergeUpstream } from "./specs/merge-upstream.mjs";
import { readYaml } from "./specs/read-yaml.mjs";
import { syncReport } from "./specs/sync-report.mjs";
import { unshippedChanges } from "./specs/vendor-changes.mjs";
import { problemLines } from "./specs-build.mjs";

const usage = "usage: pnpm sync-specs [api ...] [--from <dir-or-url>] [--dry-run]";

/** Today as YYYY-MM-DD (UTC), the manifest's `retrieved` and the changeset's date. */
export function today() {
  return new Date().toISOString().slice(0, 10);
}

/** Reads, rebuilds and classifies one API without writing to the repository. */
async function prepare(name, { from, cwd, scratch }) {
  const api = apis[name];
  const { documents, committed } = await fetchUpstream(name, { from, cwd });
  if (!documents.some((document) => document.changed)) return { name, unchanged: true, documents };
  const build = await buildSpec(name, { upstream: documents, withVendor: true, track: true });
  if (build.problems.length > 0) {
    throw new SpecError(
      `${problemLines(build).join("\n")}\nthe vendor changed what these actions correct: review them in ${api.overlay}`,
    );
  }
  const before = mergeUpstream(committed.map(({ file, text }) => ({ file, doc: parseSpec(text, file) })));
  const vendor = unshippedChanges(before, build.vendor, build.shipped);
  // Note: the committed documents built the same way say what each correction overrode before.
  const { results: earlier } = await buildSpec(name, { upstream: committed, track: true });
  const overridden = build.results
    .filter((result) => result.overridden !== earlier[result.index]?.overridden)
    .map((result) => ({ ...result, was: earlier[result.index]?.overridden ?? "" }));
  const specPath = join(repoRoot, api.spec);
  const previous = await readFile(specPath, "utf8");
  const oldDoc = readYaml(previous);
  const plan = { name, unchanged: false, documents, vendor, overridden, fixes: build.fixes };
  if (sameSpec(oldDoc, readYaml(build.text))) return { ...plan, specChanged: false };

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
  const { renderSchema, renderValidators, renderWebhookEvents } = await import("./generate.mjs");
  const types = await renderSchema(candidate, api.spec);
  const validators = await renderValidators(candidate, api.spec);
  const webhookEvents = await renderWebhookEvents(candidate, api.spec);
  const typesChanged = types !== (await renderSchema(specPath, api.spec));
  return {
    ...plan,
    specChanged: true,
    text: build.text,
    types,
    validators,
    webhookEvents,
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
    const { writeSchema, writeValidators, writeWebhookEvents } = await import("./generate.mjs");
    await writeSchema(join(repoRoot, api.generated), plan.types);
    // Note: the validators name the spec's lines, so any change to the spec may move them.
    written.push(api.spec, api.generated, await writeValidators(api, plan.validators));
    // Note: writeSchema cleared the folder, so the webhook checks are written again too (when any).
    written.push(...(await writeWebhookEvents(api, plan.webhookEvents)));
  }
  await updateManifest([plan.name], { root: repoRoot, upstream: { [plan.name]: upstream } });
  written.push("specs/manifest.json");
  if (plan.bump) {
    const file = await writeChangeset({
      root: repoRoot,
      date,
      api: plan.name,
      packageName: api.package,
      dependents: dependentsOf(api.package).map((pkg) => pkg.name),
      bump: plan.bump,
      changes: plan.changes,
      from: plan.from,
      to: plan.to,
    });
    written.push(file.slice(repoRoot.length));
  }
  return written;
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
      console.log(syncReport(plan));
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
