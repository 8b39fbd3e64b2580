// The rules that keep data flowing one way (ARCHITECTURE.md): spec -> generated types -> client ->
// runtime -> facade. Read from the sources themselves, type-only imports included.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, test } from "vitest";
import { repoRoot } from "../apis.mjs";

const packagesDir = join(repoRoot, "packages");
const IMPORT = /(?:\bfrom\s*|\bimport\s*\(\s*|^\s*import\s+)["']([^"']+)["']/gm;

interface Package {
  name: string;
  dir: string;
  published: boolean;
  /** a vendor client: it has generated types */
  client: boolean;
}

const packages: Package[] = readdirSync(packagesDir)
  .map((folder) => join(packagesDir, folder))
  .filter((dir) => existsSync(join(dir, "package.json")))
  .map((dir) => {
    const manifest = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
    return {
      name: manifest.name,
      dir,
      published: manifest.private !== true,
      client: existsSync(join(dir, "src", "generated")),
    };
  });

function sourceFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) return entry === "node_modules" ? [] : sourceFiles(path);
    return /\.(ts|mts|js|mjs)$/.test(entry) && !entry.endsWith(".d.ts") ? [path] : [];
  });
}

function importsOf(file: string): string[] {
  return [...readFileSync(file, "utf8").matchAll(IMPORT)].map((match) => match[1] as string);
}

/** Files of a package's own code: what it ships and the scripts it runs. */
function shippedFiles(pkg: Package): string[] {
  return ["src", "scripts", "bin"].flatMap((folder) => sourceFiles(join(pkg.dir, folder)));
}

/** `file imports module` lines breaking a rule. */
function offending(files: string[], forbidden: (module: string) => boolean): string[] {
  return files.flatMap((file) =>
    importsOf(file)
      .filter(forbidden)
      .map((module) => `${relative(repoRoot, file)} imports ${module}`),
  );
}

/** Every cycle of relative imports among `files`, as `a -> b -> a`. */
function importCycles(files: string[]): string[] {
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const targets = importsOf(file)
      .filter((module) => module.startsWith("."))
      .map((module) => resolve(dirname(file), module).replace(/\.js$/, ".ts"))
      .filter((target) => target !== file);
    graph.set(file, targets);
  }
  const cycles: string[] = [];
  const done = new Set<string>();
  const visit = (file: string, path: string[]) => {
    const at = path.indexOf(file);
    if (at >= 0) {
      cycles.push([...path.slice(at), file].map((f) => relative(repoRoot, f)).join(" -> "));
      return;
    }
    if (done.has(file)) return;
    for (const target of graph.get(file) ?? []) visit(target, [...path, file]);
    done.add(file);
  };
  for (const file of graph.keys()) visit(file, []);
  return cycles;
}

const byName = (name: string) => packages.find((pkg) => pkg.name === name) as Package;
const clients = packages.filter((pkg) => pkg.client);

describe("import direction", () => {
  test("finds the runtime, the sdk, mocks and at least two clients to check", () => {
    expect(byName("@cxkit/runtime")).toBeDefined();
    expect(byName("@cxkit/sdk")).toBeDefined();
    expect(byName("@cxkit/mocks")).toBeDefined();
    expect(clients.length).toBeGreaterThanOrEqual(2);
  });

  test("the runtime imports no client and no sdk", () => {
    const downstream = new Set(["@cxkit/sdk", ...clients.map((client) => client.name)]);
    const bad = offending(shippedFiles(byName("@cxkit/runtime")), (module) =>
      downstream.has(module.split("/").slice(0, 2).join("/")),
    );
    expect(bad).toEqual([]);
  });

  test("no client imports the sdk", () => {
    const bad = offending(clients.flatMap(shippedFiles), (module) => module.startsWith("@cxkit/sdk"));
    expect(bad).toEqual([]);
  });

  test("no published package's source or scripts import @cxkit/mocks", () => {
    const published = packages.filter((pkg) => pkg.published && pkg.name !== "@cxkit/mocks");
    const bad = offending(published.flatMap(shippedFiles), (module) => module.startsWith("@cxkit/mocks"));
    expect(bad).toEqual([]);
  });

  test("no package has an import circle, type-only imports included", () => {
    const cycles = packages.flatMap((pkg) => importCycles(shippedFiles(pkg)));
    expect(cycles).toEqual([]);
  });

  test("the circle check finds a circle", () => {
    // Note: proves the check can fail, on two files of this repo that import each other on purpose.
    const dir = join(repoRoot, "scripts", "test", "fixtures", "import-circle");
    expect(importCycles(sourceFiles(dir))).toHaveLength(1);
  });
});
