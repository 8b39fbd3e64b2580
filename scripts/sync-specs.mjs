#!/usr/bin/env node
// Brings a vendor's spec change into the repository: fetch, parse, lint, normalise, classify the
// diff, then write the spec, its manifest entry, the generated types and a changeset.
//   pnpm sync-specs [api ...] [--from <url-or-file>] [--dry-run]
// The source is --from (one API only), else the manifest entry's "specUrl", else its "upstream".
// Every API is prepared before anything is written: one bad input leaves the repository untouched.
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { parse } from "yaml";
import { apis, repoRoot, selectApis } from "./apis.mjs";
import { releaseBump, writeChangeset } from "./changeset-writer.mjs";
import { lintSpec } from "./lint-spec.mjs";
import { manifestProblems, readManifest, updateManifest } from "./manifest.mjs";
import { normalizeSpec, SpecError, sameSpec } from "./normalize-spec.mjs";
import { readSpecSource, SourceError } from "./read-spec-source.mjs";
import { classifyChanges } from "./spec-diff/classify.mjs";
import { formatReport } from "./spec-diff/report.mjs";
import { applySpecFixes } from "./spec-fixes.mjs";

const usage = "usage: pnpm sync-specs [api ...] [--from <url-or-file>] [--dry-run]";

/** Today as YYYY-MM-DD (UTC), the manifest's `retrieved` and the changeset's date. */
export function today() {
  return new Date().toISOString().slice(0, 10);
}

/** Reads, checks and classifies one API's new spec without writing to the repository. */
async function prepare(name, { from, cwd, scratch }) {
  const api = apis[name];
  const entry = (await readManifest(repoRoot)).apis?.[name] ?? {};
  const source = from ?? entry.specUrl ?? entry.upstream;
  if (!source) throw new SourceError(`${name}: no --from and no specUrl/upstream in specs/manifest.json`);
  const text = await readSpecSource(source, { cwd });
  const specPath = join(repoRoot, api.spec);
  const previous = await readFile(specPath, "utf8").catch(() => undefined);
  const normalized = normalizeSpec(text, { source, previous });
  const oldDoc = previous === undefined ? undefined : parse(previous);
  if (oldDoc && sameSpec(oldDoc, normalized.doc)) {
    return {
      name,
      source,
      unchanged: true,
      manifestStale: (await manifestProblems([name], repoRoot)).length > 0,
    };
  }

  const candidate = join(scratch, name, "openapi.yaml");
  await mkdir(join(scratch, name), { recursive: true });
  await writeFile(candidate, normalized.text);
  const lint = await lintSpec(candidate, { config: join(repoRoot, "redocly.yaml") });
  if (!lint.ok) {
    const output = lint.output
      .split("\n")
      .filter((line) => !/[╔║╚]/.test(line))
      .join("\n")
      .trim();
    throw new SpecError(`${name}: ${source} fails lint (redocly.yaml rules):\n${output}`);
  }

  // Note: the old spec gets the same fixes, so a fix is not reported as a vendor change.
  const before = oldDoc ? structuredClone(oldDoc) : { openapi: normalized.doc.openapi, info: {}, paths: {} };
  applySpecFixes(before);
  const { changes } = classifyChanges(before, normalized.doc);
  // Note: imported here, as openapi-typescript loads the TypeScript compiler (about a second).
  const { renderSchema, renderValidators, renderWebhookEvents } = await import("./generate.mjs");
  const types = await renderSchema(candidate, api.spec);
  const validators = await renderValidators(candidate, api.spec);
  const webhookEvents = await renderWebhookEvents(candidate, api.spec);
  const oldTypes = previous === undefined ? "" : await renderSchema(specPath, api.spec);
  const typesChanged = types !== oldTypes;
  return {
    name,
    source,
    unchanged: false,
    text: normalized.text,
    fixes: normalized.fixes,
    types,
    validators,
    webhookEvents,
    changes,
    typesChanged,
    bump: releaseBump(changes, typesChanged),
    from: oldDoc?.info?.version ?? "none",
    to: normalized.doc.info?.version,
  };
}

/** Writes one prepared API into the repository; returns the files it wrote. */
async function apply(plan, date) {
  const api = apis[plan.name];
  if (plan.unchanged) {
    if (!plan.manifestStale) return [];
    await updateManifest([plan.name], { root: repoRoot });
    return ["specs/manifest.json"];
  }
  await writeFile(join(repoRoot, api.spec), plan.text);
  const { writeSchema, writeValidators, writeWebhookEvents } = await import("./generate.mjs");
  await writeSchema(join(repoRoot, api.generated), plan.types);
  // Note: the validators name the spec's lines, so any change to the spec may move them.
  const validators = await writeValidators(api, plan.validators);
  // Note: writeSchema cleared the folder, so the webhook checks are written again too (when any).
  const webhookEvents = await writeWebhookEvents(api, plan.webhookEvents);
  await updateManifest([plan.name], { root: repoRoot, retrieved: date });
  const written = [api.spec, api.generated, validators, ...webhookEvents, "specs/manifest.json"];
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
  if (plan.unchanged) return `${plan.name}: ${plan.source} matches ${apis[plan.name].spec}; nothing to do`;
  const api = apis[plan.name];
  const lines = [formatReport({ api: plan.name, packageName: api.package, ...plan })];
  for (const fix of plan.fixes) lines.push(`  fix applied: ${fix.summary} at ${fix.pointers.join(", ")}`);
  if (!plan.typesChanged && plan.changes.some((change) => change.level !== "cosmetic")) {
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
