#!/usr/bin/env node
// After the tests, the processes the run started that are still alive: every process started under
// `.ci/run` inherits its `CXKIT_CI_RUN` marker, so one that still carries it has outlived the run
// (a Prism a test never stopped, say). Waits a few seconds for those shutting down, then names the
// rest, kills them, and exits 1. Reads /proc, so it checks on Linux (CI) and says so elsewhere.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";

/** The running processes whose environment holds `CXKIT_CI_RUN=<marker>`, but `exclude`'s. */
export function findLeftovers(marker, exclude = new Set()) {
  const wanted = `CXKIT_CI_RUN=${marker}`;
  const found = [];
  for (const entry of readdirSync("/proc")) {
    const pid = Number(entry);
    if (!Number.isInteger(pid) || exclude.has(pid)) continue;
    const environ = read(`/proc/${pid}/environ`);
    if (environ === undefined || !environ.split("\0").includes(wanted)) continue;
    const command = (read(`/proc/${pid}/cmdline`) ?? "").split("\0").join(" ").trim();
    found.push({ pid, command });
  }
  return found;
}

/** This process and its ancestors: they carry the marker and are meant to be alive. */
export function selfAndAncestors() {
  const pids = new Set();
  for (let pid = process.pid; pid > 1 && !pids.has(pid); ) {
    pids.add(pid);
    const stat = read(`/proc/${pid}/stat`);
    // Note: the command name (field 2) may hold spaces; the parent pid is the 2nd field after ")".
    pid = Number(stat?.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
  }
  return pids;
}

function read(path) {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return undefined; // gone meanwhile, or another user's
  }
}

async function main() {
  const marker = process.env.CXKIT_CI_RUN;
  if (!marker) {
    console.log("leftover processes: not checked (CXKIT_CI_RUN is not set)");
    return 0;
  }
  if (!existsSync("/proc")) {
    console.log("leftover processes: not checked (no /proc on this system)");
    return 0;
  }
  const exclude = selfAndAncestors();
  let left = findLeftovers(marker, exclude);
  for (let waited = 0; left.length > 0 && waited < 10_000; waited += 250) {
    await new Promise((wake) => setTimeout(wake, 250));
    left = findLeftovers(marker, exclude);
  }
  if (left.length === 0) {
    console.log("leftover processes: none");
    return 0;
  }
  console.error(`leftover processes: ${left.length} started by this run outlived the tests (killed now):`);
  for (const { pid, command } of left) {
    console.error(`  ${pid} ${command.slice(0, 300)}`);
    try {
      process.kill(pid, "SIGKILL");
    } catch {
      // already gone
    }
  }
  return 1;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) process.exitCode = await main();
