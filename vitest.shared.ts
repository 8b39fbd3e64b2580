// Settings every package's vitest config shares: the JSON report that .ci/run sums up.
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

/**
 * The compiler that builds and type-checks our packages: TypeScript 7 (native; the `typescript-7` alias),
 * about 5x faster than 5.9 with the same `.js` and `.d.ts` out. `typescript` (5.9) stays for
 * openapi-typescript's compiler API; consumers' versions are the pack-and-install test's matrix.
 */
const nativeTsc = fileURLToPath(new URL("./node_modules/typescript-7/bin/tsc", import.meta.url));

export const sharedTestConfig = defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    reporters: ["default", ["json", { outputFile: "test-report.json" }]],
    // Note: timeouts only stop a hung test; a busy shared CI machine makes honest tests slow, not wrong.
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});

/**
 * A package's `typecheck` task (`vitest run --config vitest.types.config.ts`): `tsc` over the whole
 * package (sources, tests, type tests), with each `expectTypeOf` of `test/types/*.test-d.ts` counted as
 * a test in its own report. A type error outside the type tests fails the run too. One tsc run per
 * package, and no mock servers: the runtime tests (`vitest run`) leave types to this task.
 */
export const typeTestConfig = defineConfig({
  test: {
    include: [],
    reporters: ["default", ["json", { outputFile: "test-report.types.json" }]],
    typecheck: {
      enabled: true,
      only: true,
      include: ["test/types/**/*.test-d.ts"],
      tsconfig: "./tsconfig.json",
      checker: nativeTsc,
    },
  },
});
