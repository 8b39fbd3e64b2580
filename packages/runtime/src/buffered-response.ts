/**
 * A response whose body the runtime read within the attempt, so the attempt's deadline covered it:
 * `text()`, `json()` and the other body methods answer from memory, any number of times, and
 * `json()` parses once. `body` is a stream of the same bytes (what `parseAs: "stream"` gets).
 * Status, headers, URL and redirect flag are those of the response it was read from.
 *
 * Note: constructed with a null body, which costs far less than a body-bearing `Response`; every
 * member that touches the body is overridden here.
 */
export class BufferedResponse extends Response {
  readonly #source: Response;
  #headers: Headers | undefined;
  #parsed: { value: unknown } | undefined;
  /** @internal the body read */
  readonly bodyText: string;

  constructor(source: Response, text: string) {
    super(null, { status: source.status, statusText: source.statusText });
    this.#source = source;
    this.bodyText = text;
  }

  /**
   * The source's headers. Note: a body sent without `Content-Length` (chunked) gets one here, the
   * length of the body read, so openapi-fetch takes `json()` (parsed once) instead of parsing `text()`.
   */
  override get headers(): Headers {
    let headers = this.#headers ?? this.#source.headers;
    if (!this.#headers && !headers.has("content-length")) {
      headers = new Headers(headers);
      headers.set("content-length", String(new TextEncoder().encode(this.bodyText).length));
    }
    this.#headers = headers;
    return headers;
  }
  override get url(): string {
    return this.#source.url;
  }
  override get redirected(): boolean {
    return this.#source.redirected;
  }
  override get body(): ReadableStream<Uint8Array<ArrayBuffer>> | null {
    return this.#copy().body;
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
  override arrayBuffer(): Promise<ArrayBuffer> {
    return this.#copy().arrayBuffer();
  }
  override blob(): Promise<Blob> {
    return this.#copy().blob();
  }
  override clone(): Response {
    return new BufferedResponse(this.#source, this.bodyText);
  }

  /** A WHATWG response over the text read, for the body methods that need one. */
  #copy(): Response {
    return new Response(this.bodyText, { headers: this.headers });
  }
}
