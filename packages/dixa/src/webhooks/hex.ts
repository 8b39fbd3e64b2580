// Hex decoding for secrets and signatures (checked before they get here).

/** The bytes of a checked hex string (either case). */
export function hexBytes(hex: string) {
  const bytes = new Uint8Array(hex.length / 2);
  for (let i = 0; i < bytes.length; i++) bytes[i] = (nibble(hex, 2 * i) << 4) | nibble(hex, 2 * i + 1);
  return bytes;
}

/** The value of the hex digit at `at`: 0-9, a-f, A-F. */
function nibble(hex: string, at: number): number {
  const code = hex.charCodeAt(at);
  return code <= 57 ? code - 48 : (code | 32) - 87;
}
