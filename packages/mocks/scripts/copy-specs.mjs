// prepack: ships the vendored specs (every API in specs/manifest.json) inside the package, so
// consumers need nothing else.
// Note: each copy is written to a temporary file and renamed into place, so packs running at the
// same time (attw, the pack-and-install test, this package's own pack test) never read half a file.
// The copy stays in the package folder (gitignored); inside the monorepo specPath() reads the
// repository's specs instead, so it cannot go stale there.
import { copyFile, mkdir, readFile, rename } from "node:fs/promises";

const manifest = JSON.parse(await readFile(new URL("../../../specs/manifest.json", import.meta.url), "utf8"));
for (const api of Object.keys(manifest.apis)) {
  const target = new URL(`../specs/${api}/openapi.yaml`, import.meta.url);
  const partial = new URL(`${target.href}.${process.pid}.tmp`);
  await mkdir(new URL(".", target), { recursive: true });
  await copyFile(new URL(`../../../specs/${api}/openapi.yaml`, import.meta.url), partial);
  await rename(partial, target);
}
