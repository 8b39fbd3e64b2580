// Starts `prism proxy` for one spec in front of a vendor: it forwards every request and reports what
// breaks the spec in an `sl-violations` response header.
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { connect, createServer } from "node:net";
import { dirname, join } from "node:path";

const prismEntry = join(
  dirname(createRequire(import.meta.url).resolve("@stoplight/prism-cli/package.json")),
  "dist",
  "index.js",
);
/** Preloaded into Prism: it exits when its parent does, however that ended (its stdin is our pipe). */
const EXIT_WITH_PARENT =
  "data:text/javascript,process.stdin.on('end',()=>process.exit(0)).on('error',()=>process.exit(0)).resume()";

/**
 * Starts the proxy on 127.0.0.1 and resolves once it accepts connections (Prism parses the spec
 * first: seconds, more on a loaded machine). `stop()` sends SIGTERM, then SIGKILL after 2 s.
 */
export async function startPrismProxy(spec, upstream, { startTimeoutMs = 120_000 } = {}) {
  const port = await freePort();
  const args = ["proxy", spec, upstream, "-p", String(port), "-h", "127.0.0.1", "--errors", "false"];
  const child = spawn(
    process.execPath,
    ["--import", EXIT_WITH_PARENT, prismEntry, ...args, "--multiprocess=false"],
    {
      stdio: ["pipe", "pipe", "pipe"],
    },
  );
  let output = "";
  const keep = (chunk) => {
    output = (output + chunk.toString()).slice(-4000);
  };
  child.stdout.on("data", keep);
  child.stderr.on("data", keep);
  const stop = () =>
    child.exitCode !== null || child.signalCode !== null
      ? Promise.resolve()
      : new Promise((done) => {
          const force = setTimeout(() => child.kill("SIGKILL"), 2000);
          child.once("exit", () => {
            clearTimeout(force);
            done();
          });
          child.kill("SIGTERM");
        });
  const deadline = Date.now() + startTimeoutMs;
  while (!(await canConnect(port))) {
    const exited = child.exitCode ?? child.signalCode;
    if (exited !== null || Date.now() > deadline) {
      await stop();
      throw new Error(
        `prism proxy did not start (${exited ?? `timed out after ${startTimeoutMs} ms`}):\n${output}`,
      );
    }
    await new Promise((wake) => setTimeout(wake, 100));
  }
  return { url: `http://127.0.0.1:${port}`, stop };
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer().once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function canConnect(port) {
  return new Promise((answer) => {
    const socket = connect({ host: "127.0.0.1", port });
    socket.once("connect", () => {
      socket.destroy();
      answer(true);
    });
    socket.once("error", () => answer(false));
  });
}
