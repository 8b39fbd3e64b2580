// Where the benchmark reads and writes.
import { fileURLToPath } from "node:url";

export const benchDir = fileURLToPath(new URL("..", import.meta.url));
export const repoRoot = fileURLToPath(new URL("../..", import.meta.url));
/** Scratch space: generated alternative clients, bundles, consumer files (git-ignored). */
export const tmpDir = fileURLToPath(new URL("../.tmp/", import.meta.url));
