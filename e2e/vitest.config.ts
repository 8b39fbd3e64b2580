import { defineConfig, mergeConfig } from "vitest/config";
import { sharedTestConfig } from "../vitest.shared.js";

export default mergeConfig(
  sharedTestConfig,
  defineConfig({
    test: {
      // Note: packing and installing from tarballs takes minutes on a busy machine; these only stop a hung run.
      // Note: fixtures/consumer holds the consumer's own tests; they run inside the installed project.
      include: ["test/**/*.test.ts"],
      // Note: the files mostly wait on the processes they start (npm, pnpm release, tsc, a registry), so
      // all four run at once rather than one per core: the registry suite alone takes minutes.
      maxWorkers: 4,
      testTimeout: 600_000,
      hookTimeout: 600_000,
    },
  }),
);
