import { createServer } from "node:net";

/** Asks the OS for a free TCP port on the given loopback host. */
export function freePort(host: string): Promise<number> {
  return listenOnce(host, 0).then((port) => {
    if (port === undefined) throw new Error(`cannot listen on ${host}`);
    return port;
  });
}

/** Whether nothing listens on `host:port` yet. */
export async function isPortFree(host: string, port: number): Promise<boolean> {
  return (await listenOnce(host, port)) !== undefined;
}

/** Listens on `host:port` and closes at once; resolves the port bound, or `undefined` if it is taken. */
function listenOnce(host: string, port: number): Promise<number | undefined> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.once("error", (error: NodeJS.ErrnoException) =>
      error.code === "EADDRINUSE" ? resolvePort(undefined) : reject(error),
    );
    server.listen(port, host, () => {
      const address = server.address();
      const bound = typeof address === "object" && address ? address.port : undefined;
      server.close(() => resolvePort(bound));
    });
  });
}
