// The Response the in-process fetch resolves with: a web-standard Response
// whose body is held as the text it is, its ReadableStream made only if
// something asks for `body` (or a reading method other than text and json).
// Node 20's ReadableStream outlives the minor GCs until the next full one, so
// a stream made for every answer left ~600 bytes of garbage per request in
// the old generation, which stayed fragmented: an emulator holding 100,000
// interactions took tens of MB more RSS for it.

// With the u flag a pair is one code point, so \p{Surrogate} matches only a lone half.
const LONE_SURROGATE = /\p{Surrogate}/u;
const LONE_SURROGATES = /\p{Surrogate}/gu;

// Made on first use: Node loads its fetch implementation when `Response` is first touched, which an
// emulator used only over HTTP never needs.
let TextResponse: ReturnType<typeof textResponseClass> | undefined;

/** A Response over a non-empty text body; reads as `new Response(text, init)` would. */
export const textResponse = (text: string, init: ResponseInit): Response =>
  new (TextResponse ??= textResponseClass())(text, init);

const textResponseClass = () =>
  class TextResponse extends Response {
    #text: string;
    // The Response with a real stream, once one is needed; until then the text is read directly.
    #streamed: Response | null = null;
    #used = false;

    constructor(text: string, init: ResponseInit) {
      super(null, init);
      this.#text = text;
    }

    #stream(): Response {
      if (this.#streamed) return this.#streamed;
      const init = { status: this.status, statusText: this.statusText, headers: this.headers };
      const streamed = new Response(this.#text, init);
      // Read already through text() or json(): the stream is there, and used, as it would be.
      if (this.#used) void streamed.arrayBuffer();
      return (this.#streamed = streamed);
    }

    // What the stream would decode to: UTF-8 turns lone surrogates into U+FFFD, and decoding drops a BOM.
    #take(): string {
      if (this.#used) throw new TypeError("Body is unusable: Body has already been read");
      this.#used = true;
      let text = this.#text;
      this.#text = "";
      if (LONE_SURROGATE.test(text)) text = text.replace(LONE_SURROGATES, "\ufffd");
      return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
    }

    override get body(): Response["body"] {
      return this.#stream().body;
    }

    override get bodyUsed(): boolean {
      return this.#streamed ? this.#streamed.bodyUsed : this.#used;
    }

    override async text(): Promise<string> {
      if (this.#streamed) return this.#streamed.text();
      return this.#take();
    }

    override async json(): Promise<unknown> {
      if (this.#streamed) return this.#streamed.json();
      return JSON.parse(this.#take());
    }

    override bytes(): ReturnType<Response["bytes"]> {
      return this.#stream().bytes();
    }

    override arrayBuffer(): Promise<ArrayBuffer> {
      return this.#stream().arrayBuffer();
    }

    override blob(): Promise<Blob> {
      return this.#stream().blob();
    }

    override formData(): Promise<FormData> {
      return this.#stream().formData();
    }

    override clone(): Response {
      if (this.bodyUsed) throw new TypeError("Response.clone: Body has already been consumed.");
      if (this.#streamed) return this.#streamed.clone();
      return new TextResponse(this.#text, { status: this.status, statusText: this.statusText, headers: this.headers });
    }
  };
