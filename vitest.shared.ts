// Settings every package's vitest config shares: the JSON report that .ci/run sums up.
import { defineConfig } from "vitest/config";

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
    },
  },
});
