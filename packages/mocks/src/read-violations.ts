/** One request violation Prism found, from its `sl-violations` response header. */
export interface Violation {
  /** where it is, e.g. `["request", "body", "custom_fields", "0", "value"]` */
  location: string[];
  severity: string;
  code: string | number;
  message: string;
}

/** Parses Prism's `sl-violations` header; `[]` when the request had none. */
export function readViolations(response: Pick<Response, "headers">): Violation[] {
  const header = response.headers.get("sl-violations");
  if (!header) return [];
  const parsed: unknown = JSON.parse(header);
  if (!Array.isArray(parsed)) throw new TypeError(`sl-violations is not a JSON array: ${header}`);
  return parsed.map((entry: Partial<Violation>) => ({
    location: Array.isArray(entry.location) ? entry.location.map(String) : [],
    severity: String(entry.severity ?? ""),
    code: entry.code ?? "",
    message: String(entry.message ?? ""),
  }));
}
