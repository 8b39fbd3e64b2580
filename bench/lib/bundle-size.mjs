// Bytes a consumer ships: one entry per client (create it, make one call), bundled and tree-shaken by
// esbuild (minified ESM), then gzipped at level 9.
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";
import { heyApiDir } from "./alternative.mjs";
import { benchDir } from "./paths.mjs";

const ID = "2f9c4c1e-7a51-4a4e-9a8e-3c1f0b6d2a10";

/** What each consumer writes; `platform` is where it runs. */
export const bundles = {
  "@cxkit/alpharun": {
    platform: "browser",
    code: `import { createAlpharunClient } from "@cxkit/alpharun";
const client = createAlpharunClient({ token: "t" });
export const call = () => client.GET("/customer-interactions/{CUSTOMER_INTERACTION_ID}", { params: { path: { CUSTOMER_INTERACTION_ID: "${ID}" } } });`,
  },
  "@cxkit/sdk": {
    // Note: the facade is for Node (its backfill checkpoint writes a file); node: built-ins stay external.
    platform: "node",
    code: `import { createCx } from "@cxkit/sdk";
const cx = createCx();
export const sync = () => cx.syncInteraction("${ID}");`,
  },
  "@cxkit/dixa": {
    platform: "browser",
    code: `import { createDixaClient } from "@cxkit/dixa";
const client = createDixaClient({ apiKey: "t" });
export const call = () => client.GET("/conversations/{conversationId}", { params: { path: { conversationId: 4242 } } });`,
  },
  "@cxkit/sdk/receive": {
    platform: "node",
    code: `import { toNodeListener, toWebHandler } from "@cxkit/sdk/receive";
export const node = (handler) => toNodeListener(handler);
export const web = (handler) => toWebHandler(handler);`,
  },
  // Note: the browser build takes the default (Web Crypto) entry; Node would take the node:crypto one.
  "@cxkit/dixa/webhooks": {
    platform: "browser",
    code: `import { createMemoryEventStore, verifyDixaWebhook } from "@cxkit/dixa/webhooks";
const store = createMemoryEventStore();
export const receive = async (body, headers) => {
  const event = await verifyDixaWebhook(body, headers, "00");
  return store.claim(event.event_id, 60000) ? event : undefined;
};`,
  },
  "hey-api": {
    platform: "browser",
    code: `import { client, getCustomerInteraction } from ${JSON.stringify(join(heyApiDir("alpharun"), "bench-entry.ts"))};
client.setConfig({ auth: "t" });
export const call = () => getCustomerInteraction({ path: { CUSTOMER_INTERACTION_ID: "${ID}" } });`,
  },
  "openapi-fetch": {
    platform: "browser",
    code: `import createClient from "openapi-fetch";
const client = createClient({ baseUrl: "https://api.alpharun.com/api/v1", headers: { Authorization: "Bearer t" } });
export const call = () => client.GET("/customer-interactions/{CUSTOMER_INTERACTION_ID}", { params: { path: { CUSTOMER_INTERACTION_ID: "${ID}" } } });`,
  },
};

/** Minified and gzipped bytes of each bundle. */
export async function measureBundles() {
  const sizes = {};
  for (const [name, { platform, code }] of Object.entries(bundles)) {
    const result = await build({
      stdin: { contents: code, resolveDir: benchDir, loader: "ts" },
      bundle: true,
      minify: true,
      format: "esm",
      platform,
      write: false,
      logLevel: "error",
    });
    const bytes = result.outputFiles[0].contents;
    sizes[name] = { minified: bytes.length, gzipped: gzipSync(bytes, { level: 9 }).length };
  }
  return sizes;
}
