// `@cxkit/dixa/webhooks` has two entries picked by package.json `exports` conditions: Node gets the
// node:crypto one, every other runtime (workers, browsers, Deno) the Web Crypto one.
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { expect, test } from "vitest";

const packageDir = fileURLToPath(new URL("../../", import.meta.url));
const manifest = JSON.parse(readFileSync(join(packageDir, "package.json"), "utf8")) as {
  exports: Record<string, Record<string, string>>;
};

/** Every relative module `file` imports, transitively, and every bare or `node:` specifier it meets. */
function importGraph(file: string, seen = new Set<string>(), external = new Set<string>()) {
  if (seen.has(file)) return { seen, external };
  seen.add(file);
  const source = readFileSync(file, "utf8");
  for (const [, specifier = ""] of source.matchAll(
    /(?:^|\n)\s*(?:import|export)[^"']*?from\s+["']([^"']+)["']/g,
  )) {
    if (specifier.startsWith("."))
      importGraph(join(dirname(file), specifier.replace(/\.js$/, ".ts")), seen, external);
    else external.add(specifier);
  }
  return { seen, external };
}

test("Node resolves the node:crypto entry; any other runtime the Web Crypto one", () => {
  const entry = manifest.exports["./webhooks"];
  expect(Object.keys(entry ?? {})).toEqual(["types", "node", "default"]);
  expect(entry?.node).toBe("./dist/webhooks/index.node.js");
  expect(entry?.default).toBe("./dist/webhooks/index.js");
});

test("the default entry imports nothing from node: (it runs in workers and browsers)", () => {
  const web = importGraph(join(packageDir, "src/webhooks/index.ts"));
  expect([...web.external].sort()).toEqual(["@cxkit/runtime"]);
  const node = importGraph(join(packageDir, "src/webhooks/index.node.ts"));
  expect([...node.external].sort()).toEqual(["@cxkit/runtime", "node:crypto"]);
});

test("the webhooks entry is not reachable from the package's default entry", () => {
  const main = importGraph(join(packageDir, "src/index.ts"));
  const webhooks = join(packageDir, "src", "webhooks");
  expect(main.seen.size).toBeGreaterThan(3);
  expect([...main.seen].filter((file) => file.startsWith(webhooks))).toEqual([]);
});
