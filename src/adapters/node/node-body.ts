import type { IncomingMessage } from 'node:http'
import type { BodySource } from '../../body/body-source.js'

let encoder: TextEncoder | undefined

/** Only for a request someone called `setEncoding` on: Node then yields strings. */
async function* asBytes(chunks: AsyncIterable<Buffer | string>): AsyncGenerator<Uint8Array> {
  for await (const chunk of chunks) yield typeof chunk === 'string' ? (encoder ??= new TextEncoder()).encode(chunk) : chunk
}

/**
 * Node's request body, readable once: directly by routekit's body reader
 * (no Web stream at all), or as a Web stream when user code asks for one.
 * Nothing touches Node's stream until one of them starts reading.
 */
export class NodeBody implements BodySource {
  #taken = false

  constructor(private readonly req: IncomingMessage) {}

  /** Whether a reader has started on the body. */
  get taken(): boolean {
    return this.#taken
  }

  take(): AsyncIterator<Uint8Array> {
    if (this.#taken) throw new TypeError('The request body has already been read.')
    this.#taken = true
    // Node's own async iterator: returning from it early destroys the
    // request, which stops an upload that went over the limit.
    return this.req.readableEncoding == null
      ? (this.req[Symbol.asyncIterator]() as AsyncIterator<Uint8Array>)
      : asBytes(this.req)[Symbol.asyncIterator]()
  }

  /**
   * Every byte of the body, when Node's parser has seen the whole message
   * (`complete`) and nobody has read from the stream: the bytes are all in
   * its buffer then, and one synchronous `read()` hands them over. Node
   * still emits 'end' afterwards, as it does for any body read to the end.
   * A stream someone made flowing, or set an encoding on, is left to
   * `take()`.
   */
  takeArrived(): Uint8Array | undefined {
    const req = this.req
    if (this.#taken || !req.complete || req.destroyed || req.readableFlowing !== null || req.readableEncoding != null || req.readableDidRead) {
      return undefined
    }
    this.#taken = true
    // With no size, read() returns the whole buffer in one Buffer (null when empty).
    const bytes = req.read() as Buffer | null
    return bytes ?? new Uint8Array(0)
  }

  /**
   * A Web stream over the body that pulls Node's stream only as fast as
   * its reader asks, so limits can stop it early.
   */
  stream(): ReadableStream<Uint8Array> {
    let chunks: AsyncIterator<Uint8Array> | undefined
    return new ReadableStream<Uint8Array>(
      {
        pull: async (controller) => {
          chunks ??= this.take()
          const { done, value } = await chunks.next()
          // A copy, so the stream's chunks are plain Uint8Arrays, not Buffers.
          if (done) controller.close()
          else controller.enqueue(new Uint8Array(value))
        },
        cancel: async () => {
          await chunks?.return?.()
        },
      },
      // No queue: with the default high-water mark of 1 the stream would pull
      // (and start reading Node's request) as soon as it is built.
      { highWaterMark: 0 },
    )
  }
}

/** The body while no reader has started on it: what a request offers routekit's body reader. */
export function untaken(body: NodeBody | undefined): NodeBody | undefined {
  return body !== undefined && !body.taken ? body : undefined
}
