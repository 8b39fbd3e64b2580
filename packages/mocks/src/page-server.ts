// A loopback HTTP server that serves a list in pages: each request's cursor picks the page. The client
// packages' pagination tests walk their paginated operations against it.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

/** A request as received: method, path, query and body. */
export interface PageRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  body: string;
}

export interface PageServer {
  /** `http://127.0.0.1:<port>` */
  readonly url: string;
  /** every request received, in order */
  readonly requests: PageRequest[];
  /** answers each request with the JSON `respond` returns; forgets the requests so far */
  serve(respond: (request: PageRequest) => unknown): void;
  close(): Promise<void>;
}

/** Starts a page server on 127.0.0.1 (a free port); `close()` it when the tests end. */
export async function startPageServer(): Promise<PageServer> {
  const requests: PageRequest[] = [];
  let respond: (request: PageRequest) => unknown = () => ({});
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const url = new URL(req.url ?? "/", "http://127.0.0.1");
      const request = {
        method: req.method ?? "",
        path: url.pathname,
        query: url.searchParams,
        body: Buffer.concat(chunks).toString(),
      };
      requests.push(request);
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(respond(request)));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    serve(next) {
      respond = next;
      requests.length = 0;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
