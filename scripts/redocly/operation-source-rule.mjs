// The `cxkit/operation-source` rule: every operation names where its shape comes from and how sure
// we are, in `x-cxkit-source`, so a reader can check it against the vendor again (see specs/README.md).
//
//   x-cxkit-sources:                 # root: the sources this spec cites, by id
//     dixa-v1-openapi: Dixa's v1 OpenAPI 3.0.3 ...
//   paths: /tags: get:
//     x-cxkit-source:
//       from: ["dixa-v1-openapi: Tags_list", "https://docs.dixa.io/..."]
//       confidence: high              # high | medium | low
export const CONFIDENCE = ["high", "medium", "low"];
const EXAMPLE = 'e.g. `x-cxkit-source: { from: ["<source id>: <operation or page>"], confidence: high }`';

/** The problems of one operation's `x-cxkit-source`, as sentences; empty when it is in order. */
export function sourceProblems(source, declared) {
  if (source === undefined) {
    return [
      `Operation has no \`x-cxkit-source\`: name where its shape comes from and how sure we are, ${EXAMPLE}.`,
    ];
  }
  if (source === null || typeof source !== "object" || Array.isArray(source)) {
    return [`\`x-cxkit-source\` must be an object with \`from\` and \`confidence\`, ${EXAMPLE}.`];
  }
  const problems = [];
  if (!CONFIDENCE.includes(source.confidence)) {
    problems.push(`\`x-cxkit-source.confidence\` must be one of ${CONFIDENCE.join(", ")}.`);
  }
  const from = source.from;
  if (!Array.isArray(from) || from.length === 0) {
    problems.push("`x-cxkit-source.from` must list at least one source.");
    return problems;
  }
  for (const entry of from) {
    const problem = entryProblem(entry, declared);
    if (problem) problems.push(problem);
  }
  return problems;
}

/** A source is an https URL, or `<id>` / `<id>: <detail>` with the id declared in `x-cxkit-sources`. */
function entryProblem(entry, declared) {
  if (typeof entry !== "string" || entry.trim() === "")
    return "Each `from` entry must be a non-empty string.";
  if (entry.startsWith("https://")) return undefined;
  const id = entry.split(":")[0].trim();
  if (Object.hasOwn(declared, id)) return undefined;
  const known = Object.keys(declared);
  return `\`${entry}\` names no declared source: start it with an id from the root \`x-cxkit-sources\` (${known.length > 0 ? known.join(", ") : "none declared"}) or give an https URL.`;
}

/** The Redocly rule (OpenAPI 3). */
export function OperationSource() {
  let declared = {};
  return {
    Root(root) {
      const sources = root["x-cxkit-sources"];
      declared = sources && typeof sources === "object" && !Array.isArray(sources) ? sources : {};
    },
    Operation(operation, { report, location }) {
      const source = operation["x-cxkit-source"];
      const at = source === undefined ? location.key() : location.child(["x-cxkit-source"]);
      for (const message of sourceProblems(source, declared)) report({ message, location: at });
    },
  };
}
