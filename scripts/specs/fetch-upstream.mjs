// Gets one API's upstream documents for sync-specs: from each manifest entry's `url` as a
// conditional request (the ETag / Last-Modified of the last retrieval sent back), or from --from (a
// directory or base URL holding the documents under their file names).
import { basename, join } from "node:path";
import { parseSpec } from "../normalize-spec.mjs";
import { fetchDocument, isUrl } from "../read-spec-source.mjs";
import { manifestEntry, readUpstream } from "./build-spec.mjs";

/** Fetches one API's upstream documents; `changed` lists those whose bytes differ from ours. */
export async function fetchUpstream(name, { from, cwd }) {
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
