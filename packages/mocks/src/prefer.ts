/**
 * Headers asking Prism for one documented response, e.g. `preferCode(404)` for the 404 example.
 * Pass them as a call's `headers`.
 */
export function preferCode(status: number, exampleName?: string): Record<string, string> {
  const prefer = exampleName === undefined ? `code=${status}` : `code=${status}, example=${exampleName}`;
  return { Prefer: prefer };
}
