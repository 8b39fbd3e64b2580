// A loopback proxy in front of the test registry that can refuse one publish, as a registry that
// fails halfway through a release would: everything else passes through untouched.
import { createServer, request } from "node:http";

export interface RefusingProxy {
  /** `http://127.0.0.1:<port>/` */
  url: string;
  /** refuses the `nth` publish (PUT of a package) from now on with a 403, once */
  refusePublish(nth: number): void;
  /** the packages whose publish was refused, in order */
  readonly refused: string[];
  close(): Promise<void>;
}

export async function startRefusingProxy(target: string): Promise<RefusingProxy> {
  const upstream = new URL(target);
  let countdown = 0;
  const refused: string[] = [];
  const server = createServer((incoming, outgoing) => {
    const path = incoming.url ?? "/";
    // Note: npm publishes with `PUT /@scope%2fname`; its other PUTs (login, dist-tags) are under `/-/`.
    if (incoming.method === "PUT" && !path.startsWith("/-/") && countdown > 0 && --countdown === 0) {
      refused.push(decodeURIComponent(path.slice(1)));
      incoming.resume();
      // Note: a 403, as a registry that will not take the package answers; npm retries a 5xx.
      outgoing.writeHead(403, { "content-type": "application/json" });
      outgoing.end(JSON.stringify({ error: "refused by the test registry" }));
      return;
    }
    const forwarded = request(
      {
        host: upstream.hostname,
        port: upstream.port,
        method: incoming.method,
        path,
        headers: incoming.headers,
      },
      (answer) => {
        outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(outgoing);
      },
    );
    forwarded.once("error", (error) => {
      outgoing.writeHead(502);
      outgoing.end(error.message);
    });
    incoming.pipe(forwarded);
  });
  await new Promise<void>((listening) => server.listen(0, "127.0.0.1", listening));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}/`,
    refusePublish(nth) {
      countdown = nth;
    },
    refused,
    close: () =>
      new Promise((closed) => {
        server.closeAllConnections();
        server.close(() => closed());
      }),
  };
}
