// A local HTTP server on 127.0.0.1 that answers from a script, so tests can stage any fault.
import { createServer, type IncomingHttpHeaders, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";

/** One scripted answer. */
export type Step =
  | {
      status: number;
      /** a string is sent as is; anything else as JSON */
      body?: unknown;
      headers?: Record<string, string>;
      /** wait this long before answering */
      delayMs?: number;
      /** send the body chunked, without Content-Length */
      chunked?: boolean;
      /** send the headers and half the body, then nothing more (the connection stays open) */
      stallBody?: boolean;
      /** answer once this settles (instead of at once, or after `delayMs`) */
      until?: Promise<unknown>;
    }
  /** reset the connection (RST) after reading the request */
  | "reset"
  /** read the request and never answer */
  | "hang";

export interface RecordedRequest {
  method: string;
  /** path and query, as received */
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface ScriptedServer {
  /** `http://127.0.0.1:<port>` */
  readonly url: string;
  /** every request received, in order */
  readonly requests: RecordedRequest[];
  /** answers the next requests with these steps in order; the last one repeats */
  script(...steps: Step[]): void;
  /** answers every request with whatever `route` returns */
  route(route: (request: RecordedRequest, index: number) => Step): void;
  /** forgets the requests received so far */
  reset(): void;
  close(): Promise<void>;
}

export async function startScriptedServer(): Promise<ScriptedServer> {
  const requests: RecordedRequest[] = [];
  const sockets = new Set<Socket>();
  let route: (request: RecordedRequest, index: number) => Step = () => ({ status: 200, body: {} });

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const recorded: RecordedRequest = {
        method: req.method ?? "",
        url: req.url ?? "",
        headers: req.headers,
        body: Buffer.concat(chunks).toString("utf8"),
      };
      requests.push(recorded);
      const step = route(recorded, requests.length - 1);
      if (step === "hang") return;
      if (step === "reset") {
        req.socket.resetAndDestroy();
        return;
      }
      if (step.until) void step.until.finally(() => answer(res, step));
      else if (step.delayMs) setTimeout(() => answer(res, step), step.delayMs);
      else answer(res, step);
    });
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    script(...steps) {
      const first = requests.length;
      route = (_request, index) => {
        const step = steps[Math.min(index - first, steps.length - 1)];
        if (step === undefined) throw new Error("script() needs at least one step");
        return step;
      };
    },
    route(next) {
      route = next;
    },
    reset() {
      requests.length = 0;
    },
    close() {
      for (const socket of sockets) socket.destroy();
      return new Promise<void>((resolve, reject) =>
        server.close((error) => (error ? reject(error) : resolve())),
      );
    },
  };
}

function answer(res: ServerResponse, step: Exclude<Step, "reset" | "hang">): void {
  if (res.destroyed) return;
  const isText = typeof step.body === "string";
  const body = step.body === undefined ? "" : isText ? (step.body as string) : JSON.stringify(step.body);
  const headers: Record<string, string> = {};
  if (body !== "") headers["content-type"] = isText ? "text/plain" : "application/json";
  if (step.stallBody) headers["content-length"] = String(Buffer.byteLength(body));
  res.writeHead(step.status, { ...headers, ...step.headers });
  if (step.stallBody) res.write(body.slice(0, Math.floor(body.length / 2)));
  else if (step.chunked) {
    res.write(body);
    res.end();
  } else res.end(body);
}
