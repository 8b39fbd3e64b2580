/** Most characters of a value a message shows; a longer one is cut, with its full length after it. */
export const MAX_QUOTED_CHARS = 80;

/**
 * A value a user gave, as every error message and CLI line quotes it: in double quotes (JSON
 * escapes, so a line break shows as `\n` and stays on one line), cut after 80 characters with `…` and
 * followed by its full length, e.g. `"aaaa…" (10000 characters)`. The one helper for this, so a
 * 10,000-character id gives a short message wherever it is refused.
 *
 * Note: never give it a credential: credentials are not quoted at all, not even cut short.
 */
export function quoteInput(value: string): string {
  if (value.length <= MAX_QUOTED_CHARS) return JSON.stringify(value);
  // Note: a cut between the two halves of a surrogate pair would show a broken character.
  const shown = value.slice(0, MAX_QUOTED_CHARS).replace(/[\ud800-\udbff]$/, "");
  return `${JSON.stringify(`${shown}…`)} (${value.length} characters)`;
}
