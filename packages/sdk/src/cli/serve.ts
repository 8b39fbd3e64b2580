// `cxkit serve`: both vendors' webhook receivers on one node:http server, for a team that wants no code.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { type Cx, createCx } from "../create-cx.js";
import type { DeliveryLog } from "../receive/delivery-outcome.js";
import { toNodeListener } from "../receive/to-node-listener.js";
import { parseServe, ServeUsageError } from "./parse-serve.js";
import {
  API_CREDENTIALS,
  checkRequiredVariables,
  quoteHiding,
  readEnvironment,
  WEBHOOK_SECRET,
} from "./read-environment.js";

/** What `cxkit serve` reads and writes: the CLI's streams and environment, and what stops it. */
export interface ServeIo {
  env: Record<string, string | undefined>;
  stdout: Pick<NodeJS.WriteStream, "write">;
  stderr: Pick<NodeJS.WriteStream, "write">;
  /** stops the server gracefully (SIGTERM, SIGINT) */
  signal?: AbortSignal;
}

/** How `cxkit serve` ended: 0 after a graceful stop, 2 when it could not start. */
const EXIT = { ok: 0, usage: 2 } as const;

/**
 * Runs `cxkit serve [--port <n>] [--host <address>]`: checks every credential and the webhook secret
 * first (all problems named at once), then serves `POST /webhooks/dixa`, `POST /webhooks/alpharun`
 * and `GET /healthz`, writing one JSON line per delivery to stdout. When `io.signal` aborts (SIGTERM,
 * SIGINT), it stops accepting requests, finishes the deliveries in flight, and resolves.
 */
export async function runServe(argv: readonly string[], io: ServeIo): Promise<number> {
  let port: number;
  let host: string;
  let cx: Cx;
  try {
    const quote = quoteHiding(io.env);
    const command = parseServe(argv, quote);
    ({ port, host } = command);
    const env = readEnvironment(io.env, (note) => io.stderr.write(`cxkit: note: ${note}\n`), quote);
    checkRequiredVariables(env, { ...API_CREDENTIALS, ...WEBHOOK_SECRET });
    const { contactMapping, createContact } = command;
    cx = createCx({ env, createContact, ...(contactMapping && { contactMapping }) });
    // Note: both clients are built before listening, so a bad option fails now, not at the first delivery.
    void [cx.alpharun, cx.dixa];
  } catch (error) {
    io.stderr.write(
      `cxkit: ${(error as Error).message}${error instanceof ServeUsageError ? " (see cxkit --help)" : ""}\n`,
    );
    return EXIT.usage;
  }
  const log = (route: string) => (entry: DeliveryLog & { durationMs: number }) =>
    io.stdout.write(`${JSON.stringify({ time: new Date().toISOString(), route, ...entry })}\n`);
  const routes: Record<string, (request: IncomingMessage, response: ServerResponse) => Promise<void>> = {
    "/webhooks/dixa": toNodeListener(cx.handleDixaWebhook, { onDelivery: log("/webhooks/dixa") }),
    "/webhooks/alpharun": toNodeListener((body) => cx.handleAlpharunWebhook(body), {
      onDelivery: log("/webhooks/alpharun"),
    }),
  };
  const inFlight = new Set<Promise<void>>();
  let stopping = false;
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? "/", "http://localhost").pathname;
    const route = routes[path];
    if (path === "/healthz" && request.method === "GET") {
      response.writeHead(stopping ? 503 : 200, { "content-type": "application/json" });
      return void response.end(JSON.stringify({ status: stopping ? "stopping" : "ok" }));
    }
    if (!route) {
      response.writeHead(404, { "content-type": "application/json" });
      return void response.end(JSON.stringify({ status: "not-found" }));
    }
    const delivery = route(request, response).catch(() => {
      if (!response.headersSent) response.writeHead(500);
      response.end();
    });
    inFlight.add(delivery);
    void delivery.finally(() => inFlight.delete(delivery));
  });
  server.keepAliveTimeout = 5_000;
  try {
    await new Promise<void>((listening, fail) => {
      server.once("error", fail);
      server.listen(port, host, listening);
    });
  } catch (error) {
    io.stderr.write(`cxkit: cannot listen on ${host}:${port}: ${(error as Error).message}\n`);
    return EXIT.usage;
  }
  const { port: bound } = server.address() as AddressInfo;
  io.stderr.write(
    `cxkit serve: listening on http://${host}:${bound} (POST /webhooks/dixa, POST /webhooks/alpharun, GET /healthz)\n`,
  );
  await new Promise<void>((stop) => {
    if (io.signal?.aborted) stop();
    io.signal?.addEventListener("abort", () => stop(), { once: true });
  });
  stopping = true;
  io.stderr.write(`cxkit serve: stopping, finishing ${inFlight.size} deliveries in flight\n`);
  const closed = new Promise((done) => server.close(done));
  server.closeIdleConnections();
  await Promise.all(inFlight);
  server.closeAllConnections();
  await closed;
  io.stderr.write("cxkit serve: stopped\n");
  return EXIT.ok;
}
