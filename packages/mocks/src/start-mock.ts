import { type ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { connect } from "node:net";
import { dirname, join, resolve } from "node:path";
import { freePort, isPortFree } from "./free-port.js";
import { isVendoredApi, specPath, type VendoredApi } from "./spec-path.js";

export interface StartMockOptions {
  /** TCP port to listen on (default: a free port chosen by the OS) */
  port?: number;
  /** loopback address to bind (default "127.0.0.1") */
  host?: string;
  /** how long to wait for Prism to accept connections, in ms; it fails at once if Prism exits (default 120000) */
  startTimeoutMs?: number;
}

export interface RunningMock {
  /** base URL to pass to a client as `baseUrl`, e.g. `http://127.0.0.1:41234` */
  readonly url: string;
  readonly port: number;
  /** absolute path of the spec Prism serves */
  readonly spec: string;
  /** stops Prism (SIGTERM, then SIGKILL after 2 s); safe to call twice */
  stop(): Promise<void>;
}

/** Raised when Prism cannot be started; carries the tail of Prism's output. */
export class MockStartError extends Error {
  override name = "MockStartError";
}

const OUTPUT_TAIL_CHARS = 4000;
/**
 * Preloaded into each Prism process: it exits when the process that started it is gone, however that
 * ended (a SIGKILL or a test runner's timeout included), because its stdin is a pipe from that process.
 */
const EXIT_WITH_PARENT =
  "data:text/javascript,process.stdin.on('end',()=>process.exit(0)).on('error',()=>process.exit(0)).resume()";
const prismEntry = (() => {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve("@stoplight/prism-cli/package.json")), "dist", "index.js");
})();

/**
 * Starts a Prism mock server of a vendored spec (`"alpharun"`, `"dixa"`) or of any OpenAPI file
 * (a path, relative to the working directory), on loopback, and resolves once it accepts connections.
 */
export async function startMock(
  api: VendoredApi | (string & {}),
  options: StartMockOptions = {},
): Promise<RunningMock> {
  const spec = isVendoredApi(api) ? specPath(api) : resolve(api);
  if (!existsSync(spec)) throw new MockStartError(`no OpenAPI file at ${spec}`);
  const host = options.host ?? "127.0.0.1";
  if (options.port !== undefined) {
    if (!Number.isInteger(options.port) || options.port < 1 || options.port > 65535) {
      throw new RangeError(`startMock: port must be an integer from 1 to 65535, got ${options.port}`);
    }
    // Note: a port already taken would answer the readiness probe and pass for a running Prism.
    if (!(await isPortFree(host, options.port))) {
      throw new MockStartError(`${host}:${options.port} is already in use`);
    }
  }
  // Note: a free port may be taken by another process before Prism binds it; Prism then exits, and
  // a port we chose is chosen again (a port the caller gave is not: that failure is theirs to see).
  for (let attempt = 1; ; attempt++) {
    const port = options.port ?? (await freePort(host));
    try {
      return await launchPrism(spec, host, port, options.startTimeoutMs ?? 120_000);
    } catch (error) {
      const taken = error instanceof MockStartError && /EADDRINUSE/.test(error.message);
      if (!taken || options.port !== undefined || attempt >= PORT_ATTEMPTS) throw error;
    }
  }
}

/** How many free ports `startMock` tries when another process takes the one it chose. */
const PORT_ATTEMPTS = 3;

/** What Prism prints once its server is bound: only then is the port Prism's. */
const LISTENING = "Prism is listening on";

async function launchPrism(
  spec: string,
  host: string,
  port: number,
  timeoutMs: number,
): Promise<RunningMock> {
  // Note: one process per mock: Prism's multiprocess mode forks a worker that a SIGKILL would orphan.
  const args = ["mock", spec, "-p", String(port), "-h", host, "--multiprocess=false"];
  const child = spawn(process.execPath, ["--import", EXIT_WITH_PARENT, prismEntry, ...args], {
    stdio: ["pipe", "pipe", "pipe"],
  });
  let output = "";
  let listening = false;
  const keepTail = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-OUTPUT_TAIL_CHARS);
    listening ||= output.includes(LISTENING);
  };
  child.stdout?.on("data", keepTail);
  child.stderr?.on("data", keepTail);
  const killOnExit = () => child.kill("SIGKILL");
  process.once("exit", killOnExit);

  const stop = () => {
    process.off("exit", killOnExit);
    return terminate(child);
  };
  try {
    await waitUntilListening(child, () => listening, host, port, timeoutMs);
  } catch (error) {
    await stop();
    throw new MockStartError(
      `Prism did not start for ${spec} on ${host}:${port}: ${(error as Error).message}\n${output}`,
    );
  }
  return { url: `http://${host}:${port}`, port, spec, stop };
}

/** Options of `startMocks`: those of `startMock`, and a port per API. */
export interface StartMocksOptions extends Omit<StartMockOptions, "port"> {
  /** the port of each API that needs a given one, e.g. `{ dixa: 4010 }` (default: free ports) */
  ports?: Partial<Record<string, number>>;
}

/**
 * Starts several mocks at once; if one fails, stops the others and rethrows its error (a
 * `MockStartError` names the API that failed).
 */
export async function startMocks(
  apis: readonly (VendoredApi | (string & {}))[],
  options: StartMocksOptions = {},
): Promise<RunningMock[]> {
  const { ports, ...shared } = options;
  const started = await Promise.allSettled(
    apis.map((api) => {
      const port = ports?.[api];
      return startMock(api, port === undefined ? shared : { ...shared, port });
    }),
  );
  const running = started.flatMap((result) => (result.status === "fulfilled" ? [result.value] : []));
  const failed = started.findIndex((result) => result.status === "rejected");
  if (failed >= 0) {
    await Promise.all(running.map((mock) => mock.stop()));
    const reason = (started[failed] as PromiseRejectedResult).reason;
    throw reason instanceof MockStartError
      ? new MockStartError(`${apis[failed]}: ${reason.message}`, { cause: reason })
      : reason;
  }
  return running;
}

/**
 * Resolves once Prism has said it is listening and accepts a connection.
 * Note: a connection alone is not enough: another process may hold the port for a moment, and Prism,
 * failing to bind it, exits.
 */
async function waitUntilListening(
  child: ChildProcess,
  saidListening: () => boolean,
  host: string,
  port: number,
  timeoutMs: number,
) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`Prism exited early (${child.exitCode ?? child.signalCode})`);
    }
    if (saidListening() && (await canConnect(host, port))) return;
    await new Promise((wake) => setTimeout(wake, 100));
  }
  throw new Error(`timed out after ${timeoutMs} ms`);
}

function canConnect(host: string, port: number): Promise<boolean> {
  return new Promise((answer) => {
    const socket = connect({ host, port });
    socket.once("connect", () => {
      socket.destroy();
      answer(true);
    });
    socket.once("error", () => answer(false));
  });
}

function terminate(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((done) => {
    const force = setTimeout(() => child.kill("SIGKILL"), 2000);
    child.once("exit", () => {
      clearTimeout(force);
      done();
    });
    child.kill("SIGTERM");
  });
}
