// What a browser bundle gets in place of buffered-response.ts (package.json `browser` field). A
// browser builds a body-bearing `Response` natively and cheaply, so this one holds the text read as
// its real body; Node's undici makes that cost about 20 µs a response, hence the null-body version
// there. Same contract: `text()` and `json()` answer from memory, any number of times, and `json()`
// parses once; status, headers, URL and redirect flag are the source's.

/** A response whose body the runtime read within the attempt, so the attempt's deadline covered it. */
export class BufferedResponse extends Response {
  readonly #source: Response;
  #parsed: { value: unknown } | undefined;
  /** @internal the body read */
  readonly bodyText: string;

  constructor(source: Response, text: string) {
    // Note: as bytes, so the platform adds no `Content-Type` the source did not have; an empty body
    // is none, as a 204/304 must have.
    super(text ? new TextEncoder().encode(text) : null, source);
    this.#source = source;
    this.bodyText = text;
  }

  override get url(): string {
    return this.#source.url;
  }
  override get redirected(): boolean {
    return this.#source.redirected;
  }

  /** @internal the body parsed as JSON, once; throws the `SyntaxError` of a malformed one */
  readJson(): unknown {
    this.#parsed ??= { value: JSON.parse(this.bodyText) };
    return this.#parsed.value;
  }

  override async text(): Promise<string> {
    return this.bodyText;
  }
  override async json(): Promise<unknown> {
    return this.readJson();
  }
  override clone(): Response {
    return new BufferedResponse(this.#source, this.bodyText);
  }
}
