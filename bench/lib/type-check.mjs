// Type-check cost: `tsc --noEmit` over a consumer file making the same 30 Dixa operations through
// @cxkit/dixa and through the hey-api client, each in a child process (wall time and peak RSS).
import { execFile } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { heyApiDir } from "./alternative.mjs";
import { tmpDir } from "./paths.mjs";

export const OPERATIONS = 30;

/** The hey-api SDK functions of the Dixa spec, in spec order: name, method, path, and whether it takes a body. */
function dixaOperations() {
  const sdk = readFileSync(join(heyApiDir("dixa"), "sdk.gen.ts"), "utf8");
  const types = readFileSync(join(heyApiDir("dixa"), "types.gen.ts"), "utf8");
  const pattern =
    /export const (\w+) = <ThrowOnError[^>]*>\(options\??: Options<(\w+), ThrowOnError>\) => \(options\??\.client \?\? client\)\.(\w+)<[\s\S]*?url: '([^']+)'/g;
  return [...sdk.matchAll(pattern)].map(([, name, data, method, path]) => {
    const declaration = new RegExp(
      `export type ${data} = \\{\\n\\s*(?:/\\*\\*[\\s\\S]*?\\*/\\s*)?body(\\??): ([^;]+);`,
    ).exec(types);
    return { name, data, method, path, body: declaration !== null && declaration[2] !== "never" };
  });
}

function consumerFiles(operations) {
  const cx = [
    'import { createDixaClient, type paths } from "@cxkit/dixa";',
    "",
    'const dixa = createDixaClient({ apiKey: "key" });',
    "type Op<P extends keyof paths, M extends keyof paths[P]> = paths[P][M];",
    "type Body<O> = O extends { requestBody?: { content: infer C } } ? C[keyof C] : never;",
    "",
  ];
  const hey = [
    `import { client } from ${JSON.stringify(join(heyApiDir("dixa"), "client.gen.js"))};`,
    `import * as sdk from ${JSON.stringify(join(heyApiDir("dixa"), "sdk.gen.js"))};`,
    `import type * as types from ${JSON.stringify(join(heyApiDir("dixa"), "types.gen.js"))};`,
    "",
    'client.setConfig({ headers: { Authorization: "key" } });',
    "",
  ];
  operations.forEach(({ name, data, method, path, body }, i) => {
    const op = `Op<"${path}", "${method}">`;
    cx.push(`declare const p${i}: ${op}["parameters"];`);
    if (body) cx.push(`declare const b${i}: Body<${op}>;`);
    cx.push(
      `export const r${i} = await dixa.${method.toUpperCase()}("${path}", { params: { path: p${i}.path, query: p${i}.query }${body ? `, body: b${i}` : ""} });`,
    );
    hey.push(`declare const d${i}: types.${data};`);
    hey.push(
      `export const r${i} = await sdk.${name}({ path: d${i}.path, query: d${i}.query${body ? `, body: d${i}.body` : ""} });`,
    );
  });
  return { cxkit: `${cx.join("\n")}\n`, alternative: `${hey.join("\n")}\n` };
}

const TSCONFIG = {
  compilerOptions: {
    target: "ES2022",
    lib: ["ES2023", "DOM", "DOM.Iterable"],
    module: "NodeNext",
    moduleResolution: "NodeNext",
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    types: ["node"],
  },
  files: ["consumer.ts"],
};

const tscChild = fileURLToPath(new URL("./tsc-child.cjs", import.meta.url));

/** Writes both consumer projects and type-checks each; returns { name: { ms, maxRssBytes } }. */
export async function measureTypeCheck() {
  const operations = dixaOperations().slice(0, OPERATIONS);
  if (operations.length < OPERATIONS)
    throw new Error(`found ${operations.length} Dixa operations, expected ${OPERATIONS}`);
  const files = consumerFiles(operations);
  const results = {};
  for (const [name, source] of Object.entries(files)) {
    const dir = join(tmpDir, "typecheck", name);
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, "consumer.ts"), source);
    writeFileSync(join(dir, "package.json"), '{ "type": "module" }\n');
    writeFileSync(join(dir, "tsconfig.json"), JSON.stringify(TSCONFIG, null, 2));
    const { stdout } = await promisify(execFile)(process.execPath, [tscChild, dir], {
      maxBuffer: 1 << 22,
    }).catch((error) => {
      throw new Error(`tsc found errors in the ${name} consumer:\n${error.stdout}${error.stderr}`);
    });
    results[name] = JSON.parse(stdout.trim().split("\n").pop());
  }
  return { operations: operations.length, ...results };
}
