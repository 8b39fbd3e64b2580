// Runs a command as a person would in a shell: a clean environment, output collected, never throws on exit.
import { spawn } from "node:child_process";

export interface RunResult {
  command: string;
  code: number | null;
  stdout: string;
  stderr: string;
  output: string;
}

/** The environment of a person's shell: without what pnpm, turbo and vitest set for this test run. */
export function cleanEnv(extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  const keep = /^npm_config_(cache|https?_proxy|proxy|noproxy|cafile|strict_ssl)$/i;
  const env = Object.fromEntries(
    Object.entries(process.env).filter(
      ([key]) =>
        keep.test(key) ||
        !/^(npm_|pnpm_|turbo_|vitest|node_env$|node_options$|test$|cxkit_registry)/i.test(key),
    ),
  );
  for (const [key, value] of Object.entries(extra)) {
    if (value === undefined) delete env[key];
    else env[key] = value;
  }
  return { ...env, NO_COLOR: "1", FORCE_COLOR: "0" };
}

export function run(
  command: string,
  args: string[],
  cwd: string,
  env: NodeJS.ProcessEnv = cleanEnv(),
): Promise<RunResult> {
  return new Promise((done, reject) => {
    const child = spawn(command, args, { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => {
      stdout += chunk;
      output += chunk;
    });
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk;
      output += chunk;
    });
    child.once("error", reject);
    child.once("close", (code) =>
      done({ command: [command, ...args].join(" "), code, stdout, stderr, output }),
    );
  });
}

/** The result, or an error with the command's whole output when it failed. */
export function ok(result: RunResult): RunResult {
  if (result.code !== 0) throw new Error(`${result.command} exited ${result.code}:\n${result.output}`);
  return result;
}

/** The lines of an output a person reads: no blank lines, no pnpm `ELIFECYCLE` notice. */
export function lines(text: string): string[] {
  return text.split("\n").filter((line) => line.trim() && !line.includes("ELIFECYCLE"));
}
