// The Node path (what a Pages Router route runs): Node's req/res.
import { jwtVerify } from 'jose'
import { createRouter } from 'next-connect'
import { toPagesRoute } from 'routekit/pages'
import { items } from './web-core.mjs'
import { allow, audience, Body, issuer, secretBytes } from './workload.mjs'

const key = await crypto.subtle.importKey('raw', secretBytes, { name: 'HMAC', hash: 'SHA-256' }, false, ['verify'])
const verifyOptions = { algorithms: ['HS256'], issuer, audience, requiredClaims: ['exp'] }
const limit = 1024 * 1024

function send(res, status, value, headers = {}) {
  res.writeHead(status, { 'content-type': status >= 400 ? 'application/problem+json' : 'application/json', ...headers })
  res.end(JSON.stringify(value))
}

async function readJson(req) {
  const chunks = []
  let size = 0
  for await (const chunk of req) {
    size += chunk.length
    if (size > limit) throw Object.assign(new Error('too large'), { status: 413 })
    chunks.push(chunk)
  }
  return JSON.parse(Buffer.concat(chunks).toString('utf8'))
}

/** The same steps as the Web floor, written against Node's objects. */
async function createItem(req, res) {
  const header = req.headers.authorization
  try {
    if (!header?.startsWith('Bearer ')) throw new Error('no token')
    await jwtVerify(header.slice(7), key, verifyOptions)
  } catch {
    return send(res, 401, { title: 'Unauthorized', status: 401 })
  }
  if (!req.headers['content-type']?.startsWith('application/json')) return send(res, 415, { status: 415 })
  let data
  try {
    data = await readJson(req)
  } catch (error) {
    return send(res, error.status ?? 400, { status: error.status ?? 400 })
  }
  const parsed = Body.safeParse(data)
  if (!parsed.success) return send(res, 422, { status: 422 })
  send(res, 201, { created: parsed.data })
}

export async function handWritten(req, res) {
  if (req.method === 'POST') return createItem(req, res)
  send(res, 405, { title: 'Method Not Allowed', status: 405 }, { allow })
}

// routekit: the very handler the Web path uses, through the Pages adapter.
export const routekit = toPagesRoute(items)

// next-connect's node router with the same steps.
const router = createRouter()
router.post(createItem)
export const nextConnect = router.handler({
  onNoMatch: (req, res) => send(res, 405, { status: 405 }, { allow }),
  onError: (error, req, res) => send(res, 500, { status: 500 }),
})

export const nodeContenders = { 'hand-written': handWritten, routekit, 'next-connect': nextConnect }
