// Settings every package's vitest config shares: the JSON report that .ci/run sums up.
import { defineConfig } from "vitest/config";

export const sharedTestConfig = defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    reporters: ["default", ["json", { outputFile: "test-report.json" }]],
    testTimeout: 15_000,
  },
});
