// A facade wired to a scripted server, and the attribute definitions most scenarios share.
import { afterEach } from "vitest";
import { type Cx, type CxOptions, createCx } from "../../src/index.js";
import { ALPHARUN_TOKEN, DIXA_KEY, type ScriptedServer, startScriptedServer } from "./scripted-server.js";
import { emptyWorld, selectAttribute, textAttribute, type World } from "./world.js";

/** Conversation attributes: a Text score, a yes/no Select, and an archived one. */
export function standardAttributes(world: World): void {
  world.attributes.push(
    textAttribute("customer_satisfaction_score"),
    selectAttribute("issue_resolved", [
      { value: "yes", label: "Yes" },
      { value: "no", label: "No" },
    ]),
    textAttribute("legacy_score", { isArchived: true }),
    textAttribute("customer_tier", { entityType: "Contact" }),
  );
}

const running: ScriptedServer[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((server) => server.close()));
});

/** Starts a scripted server (closed after the test) and a facade pointed at it. */
export async function scenario(
  build: (world: World) => void = standardAttributes,
  options: CxOptions = {},
  serverOptions: { latencyMs?: number } = {},
): Promise<{ server: ScriptedServer; world: World; cx: Cx }> {
  const world = emptyWorld();
  build(world);
  const server = await startScriptedServer(world, serverOptions);
  running.push(server);
  const cx = createCx({
    env: {},
    ...options,
    alpharun: { token: ALPHARUN_TOKEN, baseUrl: server.alpharunUrl, ...options.alpharun },
    // Note: a scripted server has no rate limit; Dixa's 10 requests/s would only slow the tests down.
    dixa: {
      apiKey: DIXA_KEY,
      baseUrl: server.dixaUrl,
      rateLimit: { requestsPerSecond: 5000, burst: 50 },
      ...options.dixa,
    },
  });
  return { server, world, cx };
}

/** The requests that wrote something. */
export function writes(server: ScriptedServer) {
  return server.requests.filter((request) => request.method === "PATCH");
}
