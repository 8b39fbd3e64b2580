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
