// The check `.ci/run` makes after the tests: processes carrying the run's marker are found and named.
import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { afterEach, expect, test } from "vitest";
import { findLeftovers, selfAndAncestors } from "../leftover-processes.mjs";

const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill("SIGKILL");
});

/** A process that runs until killed; resolves once it runs (its environment is then its own). */
async function sleeper(env: NodeJS.ProcessEnv): Promise<ChildProcess> {
  const script = "process.stdout.write('ready'); setInterval(() => {}, 1000)";
  const child = spawn(process.execPath, ["-e", script], { env, stdio: ["ignore", "pipe", "ignore"] });
  children.push(child);
  await once(child.stdout as NodeJS.ReadableStream, "data");
  return child;
}

test.runIf(process.platform === "linux")(
  "finds a process that carries the run's marker, and only while it runs",
  async () => {
    const marker = `test-${process.pid}-${Date.now()}`;
    const marked = await sleeper({ ...process.env, CXKIT_CI_RUN: marker });
    const other = await sleeper({ ...process.env, CXKIT_CI_RUN: "another-run" });

    const found = findLeftovers(marker);
    expect(found.map((entry) => entry.pid)).toEqual([marked.pid]);
    expect(found[0]?.command).toContain("setInterval");
    expect(findLeftovers(marker, new Set([marked.pid as number]))).toEqual([]);
    expect(found.some((entry) => entry.pid === other.pid)).toBe(false);

    marked.kill("SIGKILL");
    await once(marked, "exit");
    expect(findLeftovers(marker)).toEqual([]);
  },
);

test.runIf(process.platform === "linux")("counts this process and its parents as meant to run", () => {
  const pids = selfAndAncestors();
  expect(pids.has(process.pid)).toBe(true);
  expect(pids.has(process.ppid)).toBe(true);
});
