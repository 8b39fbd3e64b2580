// Reads an OpenAPI document, and writes a built spec as the YAML we commit: one canonical rendering
// of the document (its key order, fixed formatting), so the committed file is a function of the
// vendor's documents and the overlay alone (specs:build, scripts/specs/build-spec.mjs).
import { isDeepStrictEqual } from "node:util";
import { Document, Scalar, visit } from "yaml";
import { readYaml } from "./specs/read-yaml.mjs";

/** How every spec we write is formatted. */
const yamlOptions = { lineWidth: 100, singleQuote: true, flowCollectionPadding: false };

/** An input that is not a usable OpenAPI document; sync-specs rejects it. */
export class SpecError extends Error {}

/** Parses YAML or JSON text into an OpenAPI 3 document, or throws a SpecError saying why not. */
export function parseSpec(text, source) {
  let doc;
  try {
    doc = readYaml(text);
  } catch (error) {
    throw new SpecError(`${source} does not parse as YAML or JSON: ${error.message.split("\n")[0]}`);
  }
  if (doc === null || typeof doc !== "object" || Array.isArray(doc)) {
    throw new SpecError(`${source} is not an OpenAPI document (no top-level mapping)`);
  }
  if (typeof doc.openapi !== "string" || !/^3\.[01]\./.test(doc.openapi)) {
    const found = doc.swagger ? `swagger ${doc.swagger}` : `openapi: ${JSON.stringify(doc.openapi)}`;
    throw new SpecError(`${source} is not an OpenAPI 3.0/3.1 document (${found})`);
  }
  if (!doc.info || typeof doc.info !== "object") throw new SpecError(`${source} has no info object`);
  return doc;
}

/** Renders a document as the YAML we commit, under `header` (comment lines without their `# `). */
export function renderSpec(doc, header = []) {
  const document = new Document(doc);
  // Note: yaml writes a string such as `1_000` or `0b101` plain (YAML 1.2 has no such numbers), but
  // js-yaml, which reads our specs (readYaml, openapi-typescript), takes it for a number: quote it.
  visit(document, {
    Scalar(_key, node) {
      if (typeof node.value === "string" && readsAsNumber(node.value)) node.type = Scalar.QUOTE_SINGLE;
    },
  });
  const rendered = document.toString(yamlOptions);
  return `${header.map((line) => `# ${line}\n`).join("")}${rendered}`;
}

function readsAsNumber(text) {
  if (!/^[-+.\d]/.test(text)) return false;
  try {
    return typeof readYaml(text) === "number";
  } catch {
    return false;
  }
}

/** True when two parsed specs mean the same (key order aside). */
export function sameSpec(a, b) {
  return isDeepStrictEqual(a, b);
}
