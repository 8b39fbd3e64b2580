import { defineConfig, mergeConfig } from "vitest/config";
import { sharedTestConfig } from "../../vitest.shared.js";

/** Which `fetch` the runtime sends through in a project (read by test/support/test-api.ts). */
declare module "vitest" {
  export interface ProvidedContext {
    transport: "fetch" | "undici";
  }
}

// Note: every test that goes through a real socket runs twice, once per transport, so the fast
// transport keeps every behaviour of the default one.
export default mergeConfig(
  sharedTestConfig,
  defineConfig({
    test: {
      projects: [
        {
          extends: true,
          test: { name: "fetch", provide: { transport: "fetch" }, exclude: ["test/undici/**"] },
        },
        {
          extends: true,
          test: {
            name: "undici",
            provide: { transport: "undici" },
            include: ["test/unit/**/*.test.ts", "test/undici/**/*.test.ts"],
            exclude: ["test/unit/rate-limit.test.ts", "test/unit/redact.test.ts"],
          },
        },
      ],
    },
  }),
);
