// Reads the YAML of vendor documents, overlays and our built specs. Note: js-yaml with its core
// schema (no timestamps, no `yes`/`no` booleans) reads the same values as `yaml` does, about seven
// times faster on the 320 KB Dixa document, except plain `1_000` or `0b101`: numbers here, strings to
// `yaml` (renderSpec quotes such strings). `yaml` stays the writer.
import jsYaml from "js-yaml";

/** Parses YAML (or JSON) text; throws js-yaml's error on bad input. */
export function readYaml(text) {
  return jsYaml.load(text, { schema: jsYaml.CORE_SCHEMA });
}
