// Serves the handler over node:http: `pnpm build && ALPHARUN_API_TOKEN=... DIXA_API_KEY=... pnpm start`.
import { createServer, type IncomingMessage, type Server } from "node:http";
import { pathToFileURL } from "node:url";
import { createCx } from "@cxkit/sdk";
import { createInterviewSyncService, type Handler } from "./interview-sync-service.js";

/** Listens on 127.0.0.1 (port 0 = any free port) and resolves once it is accepting requests. */
export function serve(handler: Handler, port = 0): Promise<Server> {
  const server = createServer(async (incoming, outgoing) => {
    try {
      const response = await handler(toRequest(incoming, await readBody(incoming)));
      outgoing.writeHead(response.status, Object.fromEntries(response.headers));
      outgoing.end(Buffer.from(await response.arrayBuffer()));
    } catch (error) {
      outgoing.writeHead(500, { "content-type": "application/json" });
      outgoing.end(JSON.stringify({ error: (error as Error).message }));
    }
  });
  return new Promise((listening) => server.listen(port, "127.0.0.1", () => listening(server)));
}

/** The request body as text: this service only takes JSON. */
async function readBody(incoming: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of incoming) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

function toRequest(incoming: IncomingMessage, body: string): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(incoming.headers)) {
    if (typeof value === "string") headers.set(name, value);
  }
  const hasBody = incoming.method !== "GET" && incoming.method !== "HEAD";
  return new Request(`http://${incoming.headers.host ?? "localhost"}${incoming.url ?? "/"}`, {
    method: incoming.method ?? "GET",
    headers,
    ...(hasBody ? { body } : {}),
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const server = await serve(createInterviewSyncService(createCx()), Number(process.env.PORT ?? 8080));
  console.log(`interview sync service on http://127.0.0.1:${(server.address() as { port: number }).port}`);
}
