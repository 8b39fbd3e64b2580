/** Headers as undici's `request` gives them. */
export type RawHeaders = Record<string, string | string[] | undefined>;

/**
 * The response's `Headers`, read-only as `fetch`'s are. `get()` and `has()` read undici's header record
 * directly; anything else copies the record into the `Headers` first (once). Most calls only ever
 * `get()` a header or two.
 */
export class ResponseHeaders extends Headers {
  #raw: RawHeaders | undefined;

  constructor(raw: RawHeaders) {
    super();
    this.#raw = raw;
  }

  override get(name: string): string | null {
    if (this.#raw === undefined) return super.get(name);
    const value = this.#raw[name.toLowerCase()];
    return value === undefined ? null : typeof value === "string" ? value : value.join(", ");
  }
  override has(name: string): boolean {
    return this.#raw === undefined ? super.has(name) : this.#raw[name.toLowerCase()] !== undefined;
  }
  override getSetCookie(): string[] {
    this.#fill();
    return super.getSetCookie();
  }
  override forEach(callback: (value: string, key: string, parent: Headers) => void, thisArg?: unknown): void {
    this.#fill();
    super.forEach(callback, thisArg);
  }
  override entries(): HeadersIterator<[string, string]> {
    this.#fill();
    return super.entries();
  }
  override keys(): HeadersIterator<string> {
    this.#fill();
    return super.keys();
  }
  override values(): HeadersIterator<string> {
    this.#fill();
    return super.values();
  }
  override [Symbol.iterator](): HeadersIterator<[string, string]> {
    this.#fill();
    return super.entries();
  }
  override append(): void {
    throw new TypeError("Headers of a response are immutable");
  }
  override set(): void {
    throw new TypeError("Headers of a response are immutable");
  }
  override delete(): void {
    throw new TypeError("Headers of a response are immutable");
  }

  /** Copies undici's record into the `Headers` itself, on first use. */
  #fill(): void {
    const raw = this.#raw;
    if (raw === undefined) return;
    this.#raw = undefined;
    for (const name in raw) {
      const value = raw[name];
      if (typeof value === "string") super.append(name, value);
      else if (value !== undefined) for (const item of value) super.append(name, item);
    }
  }
}
