// prepack: ships the vendored specs inside the package, so consumers need nothing else.
import { cp, rm } from "node:fs/promises";

await rm(new URL("../specs", import.meta.url), { recursive: true, force: true });
for (const api of ["alpharun", "dixa"]) {
  await cp(new URL(`../../../specs/${api}/openapi.yaml`, import.meta.url), new URL(`../specs/${api}/openapi.yaml`, import.meta.url));
}
