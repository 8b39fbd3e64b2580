// Reads a spec from a URL or a local file, with errors that say what went wrong and where.
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";

/** A failure to get the input; sync-specs prints its message and exits 1. */
export class SourceError extends Error {}

/** True when `source` is an http(s) URL rather than a file path. */
export function isUrl(source) {
  return /^https?:\/\//i.test(source);
}

/**
 * The text of the spec at `source`.
 * @param {string} source URL or file path (relative to `cwd`)
 * @param {{ cwd?: string, timeoutMs?: number }} [options] timeoutMs: whole request (default 30 s)
 */
export async function readSpecSource(source, { cwd = process.cwd(), timeoutMs = 30_000 } = {}) {
  if (!isUrl(source)) {
    try {
      return await readFile(resolve(cwd, source), "utf8");
    } catch (error) {
      throw new SourceError(
        `cannot read ${source}: ${error.code === "ENOENT" ? "no such file" : error.message}`,
      );
    }
  }
  let response;
  try {
    response = await fetch(source, {
      headers: { accept: "application/yaml, application/json;q=0.9, text/plain;q=0.5" },
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    if (error.name === "TimeoutError")
      throw new SourceError(`fetching ${source} timed out after ${timeoutMs} ms`);
    // Note: undici's "fetch failed" hides the reason (ECONNREFUSED, ENOTFOUND, ...) in `cause`.
    const cause = error.cause?.code ?? error.cause?.message ?? error.message;
    throw new SourceError(`could not fetch ${source}: ${cause}`);
  }
  if (!response.ok) {
    throw new SourceError(`fetching ${source} failed: HTTP ${response.status} ${response.statusText}`.trim());
  }
  if ((response.headers.get("content-type") ?? "").includes("text/html")) {
    throw new SourceError(
      `${source} answered an HTML page, not a spec: set "specUrl" in specs/manifest.json to the raw document, or pass --from`,
    );
  }
  return await response.text();
}
