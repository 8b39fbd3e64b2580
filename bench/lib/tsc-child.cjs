// `tsc --noEmit -p <dir>` in this process, then one JSON line: wall time and peak RSS.
// Note: tsc.js ends with process.exit(), so the figures are written from the exit handler.
const started = performance.now();
process.argv = [process.argv[0], "tsc", "--noEmit", "-p", process.argv[2]];
process.on("exit", (code) => {
  if (code !== 0) return;
  const ms = performance.now() - started;
  process.stdout.write(`\n${JSON.stringify({ ms, maxRssBytes: process.resourceUsage().maxRSS * 1024 })}\n`);
});
require("typescript/lib/tsc.js");
