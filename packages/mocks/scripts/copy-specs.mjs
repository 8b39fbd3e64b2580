// prepack: ships the vendored specs inside the package, so consumers need nothing else.
// postpack (--remove): deletes the copy again, so the monorepo never serves a stale spec.
import { cp, rm } from "node:fs/promises";

const packed = new URL("../specs", import.meta.url);
await rm(packed, { recursive: true, force: true });
if (!process.argv.includes("--remove")) {
  for (const api of ["alpharun", "dixa"]) {
    await cp(
      new URL(`../../../specs/${api}/openapi.yaml`, import.meta.url),
      new URL(`${api}/openapi.yaml`, `${packed}/`),
    );
  }
}
