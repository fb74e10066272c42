import type { Server, ServerResponse } from 'node:http'
import { connect } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type PagesRequest, toPagesRoute } from '../../src/adapters/pages.js'
import { createHandler, type RequestHandler } from '../../src/index.js'
import { listenPages } from './pages-helpers.js'

// The handler's signal on a real server, for a client that really leaves:
// the adapter listens to `res` only once some code asks for the signal, so
// a signal first read after the client left must be aborted already.
let route: (req: PagesRequest, res: ServerResponse) => Promise<void>
let port: number
/** Resolves a moment after the server saw the client's socket close (Node's 'close' on `res` follows it). */
let clientGone: Promise<void>
let markGone: () => void

function serve(handler: RequestHandler): void {
  route = toPagesRoute(handler)
  clientGone = new Promise((resolve) => (markGone = () => setTimeout(resolve, 20)))
}

let close: () => Promise<void>
beforeAll(async () => {
  let server: Server
  ;({ server, port, close } = await listenPages((req, res) => route(req, res)))
  server.on('connection', (socket) => socket.on('close', () => markGone()))
})
afterAll(() => close())

/** Sends a request, then hangs up without waiting for the answer. */
async function sendAndLeave(method: string): Promise<void> {
  const socket = connect(port, '127.0.0.1')
  await new Promise((resolve) => socket.once('connect', resolve))
  socket.write(`${method} /api/x HTTP/1.1\r\nHost: localhost\r\n\r\n`)
  await new Promise((resolve) => setTimeout(resolve, 50))
  socket.destroy()
}

/** A value the handler reports, and a promise of it for the test. */
function reported<T>(): { seen: Promise<T>; report: (value: T) => void } {
  let report!: (value: T) => void
  const seen = new Promise<T>((resolve) => (report = resolve))
  return { seen, report }
}

describe('toPagesRoute: the signal of a client that leaves', () => {
  it('is aborted when the handler first reads it after the client hung up', async () => {
    const { seen, report } = reported<boolean>()
    serve(
      createHandler().get(async (args) => {
        await clientGone
        report(args.signal.aborted)
      }),
    )
    await sendAndLeave('GET')
    expect(await seen).toBe(true)
  })

  it('aborts req.signal too when `req` is first read after the client hung up', async () => {
    const { seen, report } = reported<boolean>()
    serve(
      createHandler().get(async (args) => {
        await clientGone
        report(args.req.signal.aborted)
      }),
    )
    await sendAndLeave('GET')
    expect(await seen).toBe(true)
  })

  it('fires abort on a signal read before the client hung up', async () => {
    const { seen, report } = reported<string>()
    serve(
      createHandler().get(({ signal }) => {
        signal.addEventListener('abort', () => report(signal.reason?.name ?? 'aborted'))
        return new Promise(() => {}) // an answer that never comes: only the abort ends it
      }),
    )
    await sendAndLeave('GET')
    expect(await seen).toBe('AbortError')
  })

  it('is not aborted by the connection closing after a complete answer', async () => {
    let kept: AbortSignal | undefined
    serve(
      createHandler().post(({ signal }) => {
        kept = signal
        return { ok: true }
      }),
    )
    const response = await fetch(`http://127.0.0.1:${port}/api/x`, { method: 'POST', headers: { connection: 'close' } })
    expect(await response.json()).toEqual({ ok: true })
    await clientGone
    expect(kept!.aborted).toBe(false)
  })
})
