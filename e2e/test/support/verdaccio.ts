// A real npm registry for the tests: Verdaccio on 127.0.0.1, its config, storage and users in a temp
// dir. `@cxkit/*` lives only here; every other package comes through its uplink, the registry npm is
// configured with on this machine (read at run time, never written anywhere but the temp config).
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { cleanEnv, ok, run } from "./run.js";

export interface Registry {
  /** `http://127.0.0.1:<port>/` */
  url: string;
  /** a token that may publish `@cxkit/*` */
  token: string;
  /** stops Verdaccio (SIGTERM, then SIGKILL after 3 s) and deletes its dir; safe to call twice */
  stop(): Promise<void>;
}

/** Verdaccio exits with the process that started it, however that one ends (its stdin is our pipe). */
const EXIT_WITH_PARENT =
  "data:text/javascript,process.stdin.on('end',()=>process.exit(0)).on('error',()=>process.exit(0)).resume()";
const verdaccioBin = join(
  dirname(createRequire(import.meta.url).resolve("verdaccio/package.json")),
  "bin",
  "verdaccio",
);

export async function startRegistry(): Promise<Registry> {
  const dir = await mkdtemp(join(tmpdir(), "cxkit-registry-"));
  const npm = await npmConfig(dir);
  // Note: Verdaccio reaches the uplink as npm does: through npm's CA file (a TLS-inspecting proxy's
  // certificate, say) and proxy, which a test runner's filtered environment may not carry.
  const env = cleanEnv(npm.cafile ? { NODE_EXTRA_CA_CERTS: npm.cafile } : {});
  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    const config = join(dir, "config.yaml");
    await writeFile(config, configYaml(dir, port, npm));
    const child = spawn(process.execPath, ["--import", EXIT_WITH_PARENT, verdaccioBin, "--config", config], {
      cwd: dir,
      env,
      stdio: ["pipe", "pipe", "pipe"],
    });
    let log = "";
    child.stdout?.on("data", (chunk: Buffer) => {
      log = (log + chunk).slice(-4000);
    });
    child.stderr?.on("data", (chunk: Buffer) => {
      log = (log + chunk).slice(-4000);
    });
    const url = `http://127.0.0.1:${port}/`;
    const stop = async () => {
      await terminate(child);
      await rm(dir, { recursive: true, force: true });
    };
    try {
      await waitForPing(child, url);
      return { url, token: await createUser(url), stop };
    } catch (error) {
      await terminate(child);
      if (attempt < 3 && /EADDRINUSE/.test(log)) continue;
      await rm(dir, { recursive: true, force: true });
      throw new Error(`Verdaccio did not start on ${url}: ${(error as Error).message}\n${log}`);
    }
  }
}

interface NpmConfig {
  registry: string;
  cafile?: string;
  proxy?: string;
  httpsProxy?: string;
}

/** What npm on this machine is configured with (read at run time, kept only in the temp dir). */
async function npmConfig(dir: string): Promise<NpmConfig> {
  const keys = ["registry", "cafile", "proxy", "https-proxy"];
  const lines = ok(await run("npm", ["config", "get", ...keys], dir)).stdout.split("\n");
  const value = (key: string) => {
    const found = lines
      .find((line) => line.startsWith(`${key}=`))
      ?.slice(key.length + 1)
      .trim();
    return found && found !== "null" && found !== "undefined" ? found : undefined;
  };
  const registry = value("registry");
  if (!registry) throw new Error("npm has no registry configured: the test registry needs one as its uplink");
  const found: NpmConfig = { registry };
  const cafile = value("cafile");
  const proxy = value("proxy");
  const httpsProxy = value("https-proxy");
  if (cafile) found.cafile = cafile;
  if (proxy) found.proxy = proxy;
  if (httpsProxy) found.httpsProxy = httpsProxy;
  return found;
}

function configYaml(dir: string, port: number, npm: NpmConfig): string {
  return [
    `storage: ${JSON.stringify(join(dir, "storage"))}`,
    ...(npm.proxy ? [`http_proxy: ${JSON.stringify(npm.proxy)}`] : []),
    ...(npm.httpsProxy ? [`https_proxy: ${JSON.stringify(npm.httpsProxy)}`] : []),
    // Note: bcrypt at its lowest cost (4, not 10): Verdaccio checks the password behind the token on
    // every authenticated request, in pure JS, and at cost 10 that was most of its CPU in this suite.
    "auth:",
    `  htpasswd: { file: ${JSON.stringify(join(dir, "htpasswd"))}, max_users: 10, rounds: 4 }`,
    "uplinks:",
    `  up: { url: ${JSON.stringify(npm.registry)}, timeout: 60s, maxage: 30m }`,
    "packages:",
    "  '@cxkit/*': { access: $all, publish: $authenticated }",
    "  '**': { access: $all, publish: $authenticated, proxy: up }",
    `listen: 127.0.0.1:${port}`,
    "max_body_size: 50mb",
    "log: { type: stdout, format: json, level: warn }",
    "",
  ].join("\n");
}

/** Registers a user (`PUT /-/user/org.couchdb.user:<name>`) and returns its token. */
async function createUser(url: string): Promise<string> {
  const response = await fetch(new URL("-/user/org.couchdb.user:release", url), {
    method: "PUT",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ name: "release", password: `pw-${crypto.randomUUID()}` }),
  });
  const body = (await response.json()) as { token?: string };
  if (!response.ok || !body.token) throw new Error(`no token from Verdaccio (${response.status})`);
  return body.token;
}

async function waitForPing(child: ChildProcess, url: string): Promise<void> {
  // Note: no deadline of its own (the hook's timeout is one), so a slow start on a busy machine passes.
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error("Verdaccio exited");
    const ready = await fetch(new URL("-/ping", url)).then(
      (response) => response.ok,
      () => false,
    );
    if (ready) return;
    await new Promise((wake) => setTimeout(wake, 200));
  }
}

function terminate(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((done) => {
    const force = setTimeout(() => child.kill("SIGKILL"), 3000);
    child.once("exit", () => {
      clearTimeout(force);
      done();
    });
    child.kill("SIGTERM");
  });
}

function freePort(): Promise<number> {
  return new Promise((found, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? found(address.port) : reject()));
    });
  });
}
