// Reads a vendor's document from a URL or a local file, with errors that say what went wrong and
// where. Over HTTP the request is conditional (ETag / Last-Modified from the last retrieval), and a
// documentation page's `.md` rendering gives up the OpenAPI document it embeds.
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";

/** A failure to get the input; sync-specs prints its message and exits 1. */
export class SourceError extends Error {}

/** True when `source` is an http(s) URL rather than a file path. */
export function isUrl(source) {
  return /^https?:\/\//i.test(source);
}

/**
 * The OpenAPI document a Mintlify page's `.md` rendering embeds: its first ````yaml block.
 * @see https://dev.alpharun.com/api-reference/endpoint/list-contacts.md
 */
export function embeddedOpenApi(text, source) {
  const match = /^(`{3,})ya?ml[^\n]*\n([\s\S]*?)^\1\s*$/m.exec(text);
  if (!match) throw new SourceError(`${source} embeds no OpenAPI document (no \`\`\`yaml block)`);
  return match[2];
}

async function readLocal(source, cwd) {
  try {
    return await readFile(resolve(cwd, source), "utf8");
  } catch (error) {
    throw new SourceError(
      `cannot read ${source}: ${error.code === "ENOENT" ? "no such file" : error.message}`,
    );
  }
}

/**
 * Reads one document.
 * @param {string} source URL or file path (relative to `cwd`)
 * @param {{ cwd?: string, timeoutMs?: number, etag?: string, lastModified?: string,
 *   format?: "openapi" | "mintlify-md" }} [options] etag/lastModified: validators of the copy we
 *   have (sent as If-None-Match / If-Modified-Since); timeoutMs: whole request (default 30 s)
 * @returns {Promise<{ notModified: true } | { notModified: false, text: string, etag?: string,
 *   lastModified?: string }>}
 */
export async function fetchDocument(source, options = {}) {
  const { cwd = process.cwd(), timeoutMs = 30_000, etag, lastModified, format = "openapi" } = options;
  if (!isUrl(source)) return { notModified: false, text: await readLocal(source, cwd) };
  const headers = {
    accept: "application/yaml, application/json;q=0.9, text/markdown;q=0.8, text/plain;q=0.5",
  };
  if (etag) headers["if-none-match"] = etag;
  if (lastModified) headers["if-modified-since"] = lastModified;
  let response;
  try {
    response = await fetch(source, { headers, signal: AbortSignal.timeout(timeoutMs) });
  } catch (error) {
    if (error.name === "TimeoutError")
      throw new SourceError(`fetching ${source} timed out after ${timeoutMs} ms`);
    // Note: undici's "fetch failed" hides the reason (ECONNREFUSED, ENOTFOUND, ...) in `cause`.
    const cause = error.cause?.code ?? error.cause?.message ?? error.message;
    throw new SourceError(`could not fetch ${source}: ${cause}`);
  }
  if (response.status === 304) {
    await response.body?.cancel();
    return { notModified: true };
  }
  if (!response.ok) {
    await response.body?.cancel();
    throw new SourceError(`fetching ${source} failed: HTTP ${response.status} ${response.statusText}`.trim());
  }
  if ((response.headers.get("content-type") ?? "").includes("text/html")) {
    await response.body?.cancel();
    throw new SourceError(
      `${source} answered an HTML page, not an OpenAPI document: point the manifest's upstream url at the raw document (or the page's .md rendering), or pass --from`,
    );
  }
  const body = await response.text();
  return {
    notModified: false,
    text: format === "mintlify-md" ? embeddedOpenApi(body, source) : body,
    ...(response.headers.get("etag") ? { etag: response.headers.get("etag") } : {}),
    ...(response.headers.get("last-modified") ? { lastModified: response.headers.get("last-modified") } : {}),
  };
}

/** The text of the document at `source` (a URL or a file); see fetchDocument. */
export async function readSpecSource(source, options = {}) {
  const result = await fetchDocument(source, options);
  if (result.notModified) throw new SourceError(`${source} answered 304 to an unconditional request`);
  return result.text;
}
