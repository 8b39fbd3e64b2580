import { defineConfig, mergeConfig } from "vitest/config";
import { sharedTestConfig } from "../vitest.shared.js";

export default mergeConfig(
  sharedTestConfig,
  defineConfig({
    test: {
      // Note: fixtures/consumer holds the consumer's own tests; they run inside the installed project.
      include: ["test/**/*.test.ts"],
      testTimeout: 300_000,
      hookTimeout: 300_000,
    },
  }),
);
