import type { Dispatcher } from "undici";
import { ResponseHeaders } from "./response-headers.js";

/** The body of an `undici.request` response: a Node stream with the body-mixin methods. */
type UndiciBody = Dispatcher.ResponseData["body"];

/** Statuses whose response has no body, whatever the server sends. */
const NULL_BODY_STATUS = new Set([101, 204, 205, 304]);

/**
 * A real `Response` (`instanceof Response`, same headers and status) whose body is read straight from
 * undici's stream: `text()`, `json()` and `arrayBuffer()` never go through a WHATWG `ReadableStream`,
 * and `body` builds one only when asked for.
 *
 * Note: constructed with a null body, which costs ~2 µs where a body-bearing `Response` costs ~15 µs;
 * every member that touches the body is overridden here.
 */
export class UndiciResponse extends Response {
  #source: UndiciBody;
  /** set by `clone()`: the body now flows through this tee branch instead of `#source` */
  #branch: ReadableStream<Uint8Array> | undefined;
  readonly #url: string;
  readonly #redirected: boolean;
  readonly #nullBody: boolean;

  readonly #headers: ResponseHeaders;
  /** called once the body is read or closed (the call's deadline stops guarding it) */
  #done: (() => void) | undefined;

  constructor(
    data: Dispatcher.ResponseData,
    url: string,
    redirected: boolean,
    method: string,
    done?: () => void,
  ) {
    super(null, { status: data.statusCode, statusText: data.statusText });
    this.#headers = new ResponseHeaders(data.headers);
    this.#source = data.body;
    this.#url = url;
    this.#redirected = redirected;
    this.#nullBody = NULL_BODY_STATUS.has(data.statusCode) || method === "HEAD";
    this.#done = done;
  }

  override get headers(): Headers {
    return this.#headers;
  }
  override get url(): string {
    return this.#url;
  }
  override get redirected(): boolean {
    return this.#redirected;
  }
  override get type(): ResponseType {
    return "basic";
  }
  override get body(): ReadableStream<Uint8Array<ArrayBuffer>> | null {
    this.#doneOnClose();
    if (this.#nullBody) return null;
    return (this.#branch ?? this.#source.body) as ReadableStream<Uint8Array<ArrayBuffer>>;
  }
  override get bodyUsed(): boolean {
    return this.#branch ? this.#branch.locked : this.#source.bodyUsed;
  }

  override text(): Promise<string> {
    return this.#branch ? this.#viaStream().text() : this.#read(this.#source.text());
  }
  override json(): Promise<unknown> {
    return this.#branch ? this.#viaStream().json() : this.#read(this.#source.json());
  }
  override arrayBuffer(): Promise<ArrayBuffer> {
    return this.#branch ? this.#viaStream().arrayBuffer() : this.#read(this.#source.arrayBuffer());
  }
  override bytes(): Promise<Uint8Array<ArrayBuffer>> {
    return this.arrayBuffer().then((buffer) => new Uint8Array(buffer));
  }
  override async blob(): Promise<Blob> {
    const type = this.headers.get("content-type") ?? "";
    return new Blob([await this.arrayBuffer()], { type });
  }
  override async formData(): Promise<FormData> {
    // Note: undici's stream does not parse form data; the WHATWG `Response` does.
    return new Response(await this.arrayBuffer(), { headers: this.headers }).formData();
  }

  override clone(): Response {
    if (this.bodyUsed) throw new TypeError("Response.clone: Body has already been consumed.");
    const body = this.body;
    if (body === null) return new UndiciClone(null, this);
    const [mine, theirs] = body.tee();
    this.#branch = mine;
    return new UndiciClone(theirs, this);
  }

  /** Calls `done` once a read of the whole body settles. */
  #read<T>(reading: Promise<T>): Promise<T> {
    const done = this.#done;
    if (done === undefined) return reading;
    this.#done = undefined;
    return reading.then(
      (value) => {
        done();
        return value;
      },
      (error: unknown) => {
        done();
        throw error;
      },
    );
  }

  /** Calls `done` when the body stream closes, for reads this class does not see (`body`, `clone()`). */
  #doneOnClose(): void {
    const done = this.#done;
    if (done === undefined) return;
    this.#done = undefined;
    if (this.#source.closed) done();
    else this.#source.once("close", done);
  }

  /** A WHATWG response over the tee branch, for reads after `clone()`. */
  #viaStream(): Response {
    return new Response(this.#branch, { headers: this.headers });
  }
}

/** What `clone()` returns: a WHATWG response with the original's URL and redirect flag. */
class UndiciClone extends Response {
  readonly #url: string;
  readonly #redirected: boolean;

  constructor(body: ReadableStream<Uint8Array> | null, original: Response) {
    super(body, { status: original.status, statusText: original.statusText, headers: original.headers });
    this.#url = original.url;
    this.#redirected = original.redirected;
  }
  override get url(): string {
    return this.#url;
  }
  override get redirected(): boolean {
    return this.#redirected;
  }
}
