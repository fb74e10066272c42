import { connect, type Socket } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { toPagesRoute } from '../../src/adapters/pages.js'
import { createHandler } from '../../src/index.js'
import { listenPages } from './pages-helpers.js'

// A body that arrives with its headers is in Node's buffer before the route
// reads it, and the adapter takes it in one synchronous read; one that is
// still on its way is read as it streams. Both over real sockets, written
// byte for byte, so each case is the one it claims to be.
const Item = z.object({ name: z.string() })

const route = toPagesRoute(
  createHandler({ bodyLimit: 64 })
    .use(async ({ rawBody, next }) => {
      // As a token check does (webcrypto answers on a later turn): Node's
      // parser reads what came with the headers only once the handler yields.
      await new Promise((resolve) => setTimeout(resolve, 5))
      const bytes = await rawBody() // a middleware's read, shared with the route's
      return next({ ctx: { seen: bytes.byteLength } })
    })
    .post({ body: Item }, ({ body, seen }) => ({ name: body.name, seen })),
)

let port: number
let close: () => Promise<void>
beforeAll(async () => ({ port, close } = await listenPages(route)))
afterAll(() => close())

/** The raw answers read from one connection until `count` of them have ended. */
async function exchange(parts: (string | number)[], count = 1): Promise<string[]> {
  const socket: Socket = connect(port, '127.0.0.1')
  await new Promise((resolve) => socket.once('connect', resolve))
  let received = ''
  socket.on('data', (chunk) => (received += chunk.toString('latin1')))
  for (const part of parts) {
    if (typeof part === 'number') await new Promise((resolve) => setTimeout(resolve, part))
    else socket.write(Buffer.from(part, 'latin1')) // byte for byte: each character one byte
  }
  // Every answer here has a Content-Length; an answer ends after that many body bytes.
  const answers = (): string[] | undefined => {
    const found: string[] = []
    let rest = received
    while (found.length < count) {
      const end = rest.indexOf('\r\n\r\n')
      if (end === -1) return undefined
      const length = Number(/content-length: (\d+)/i.exec(rest.slice(0, end))?.[1] ?? 0)
      if (rest.length < end + 4 + length) return undefined
      found.push(rest.slice(0, end + 4 + length))
      rest = rest.slice(end + 4 + length)
    }
    return found
  }
  for (let i = 0; i < 300 && answers() === undefined; i++) await new Promise((resolve) => setTimeout(resolve, 10))
  socket.destroy()
  return answers() ?? [received]
}

const post = (body: string, headers = `Content-Length: ${Buffer.byteLength(body, 'latin1')}\r\n`) =>
  `POST /api/items HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n${headers}\r\n${body}`

const statusOf = (answer: string) => Number(answer.slice(9, 12))
const bodyOf = (answer: string) => JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4))

describe('toPagesRoute: a body that arrived with its headers', () => {
  it('is validated, and the middleware and the route read the same bytes', async () => {
    const [answer] = await exchange([post('{"name":"pen"}')])
    expect(statusOf(answer!)).toBe(200)
    expect(bodyOf(answer!)).toEqual({ name: 'pen', seen: 14 })
  })

  it('leaves the connection usable: two requests on one connection are both answered', async () => {
    const answers = await exchange([post('{"name":"a"}') + post('{"name":"b"}')], 2)
    expect(answers.map(statusOf)).toEqual([200, 200])
    expect(answers.map((a) => bodyOf(a).name)).toEqual(['a', 'b'])
  })

  it('is refused with 413 when, sent chunked, it passes the limit', async () => {
    const big = JSON.stringify({ name: 'x'.repeat(100) })
    const chunk = `${big.length.toString(16)}\r\n${big}\r\n0\r\n\r\n`
    const [answer] = await exchange([post(chunk, 'Transfer-Encoding: chunked\r\n')])
    expect(statusOf(answer!)).toBe(413)
    expect(answer).toMatch(/content-type: application\/problem\+json/i)
    expect(bodyOf(answer!)).toMatchObject({ status: 413, code: 'body_too_large' })
  })

  it('is a 400 problem when its bytes are not UTF-8', async () => {
    const [answer] = await exchange([post('{"name":"\xff"}')])
    expect(statusOf(answer!)).toBe(400)
    expect(bodyOf(answer!)).toMatchObject({ status: 400 })
  })
})

describe('toPagesRoute: a body still on its way', () => {
  it('is read as it arrives, after the headers', async () => {
    const body = '{"name":"late"}'
    const head = post(body).slice(0, -body.length)
    const [answer] = await exchange([head, 60, body.slice(0, 5), 60, body.slice(5)])
    expect(statusOf(answer!)).toBe(200)
    expect(bodyOf(answer!)).toEqual({ name: 'late', seen: 15 })
  })

  it('is refused with 413 once the chunks pass the limit', async () => {
    const head = post('', 'Transfer-Encoding: chunked\r\n')
    const piece = `20\r\n${'"'.repeat(32)}\r\n`
    const [answer] = await exchange([head, 40, piece, 40, piece, 40, piece])
    expect(statusOf(answer!)).toBe(413)
  })
})
