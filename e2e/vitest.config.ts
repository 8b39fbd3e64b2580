import { defineConfig, mergeConfig } from "vitest/config";
import { sharedTestConfig } from "../vitest.shared.js";

export default mergeConfig(
  sharedTestConfig,
  defineConfig({
    test: {
      // Note: packing and installing from tarballs takes minutes on a busy machine; these only stop a hung run.
      // Note: fixtures/consumer holds the consumer's own tests; they run inside the installed project.
      include: ["test/**/*.test.ts"],
      testTimeout: 600_000,
      hookTimeout: 600_000,
    },
  }),
);
