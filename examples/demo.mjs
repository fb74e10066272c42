// A first taste of routekit without Next.js: one handler, answered through
// the App Router adapter (Web Request in, Response out) and the Pages Router
// adapter (a real node:http server on 127.0.0.1). It imports the built
// package by its name, exactly as an app would.
import { createServer } from 'node:http'
import { createHandler, created, HttpError } from 'routekit'
import { toAppRoute } from 'routekit/app'
import { toPagesRoute } from 'routekit/pages'

const notes = new Map([['1', { id: '1', text: 'Try routekit' }]])

const api = createHandler({ onError: (error) => console.error('[demo] onError:', error.message) })
const note = api
  .get(({ params }) => {
    const found = notes.get(String(params.id))
    if (!found) throw HttpError.notFound(`No note ${params.id}.`)
    return found
  })
  .post(async ({ req }) => {
    const { text } = await req.json()
    const id = String(notes.size + 1)
    notes.set(id, { id, text })
    return created(notes.get(id), `/api/notes/${id}`)
  })

async function show(label, response) {
  const headers = ['allow', 'location', 'content-type'].filter((h) => response.headers.has(h))
  console.log(`\n${label} -> ${response.status}`)
  for (const h of headers) console.log(`  ${h}: ${response.headers.get(h)}`)
  const body = await response.text()
  if (body) console.log(`  ${body}`)
}

// App Router: the exports a route.ts would have.
const { GET, POST, DELETE, OPTIONS } = toAppRoute(note)
const params = (id) => ({ params: Promise.resolve({ id }) })
const url = (id) => `http://127.0.0.1/api/notes/${id}`
console.log('App Router adapter')
await show('GET /api/notes/1', await GET(new Request(url(1)), params('1')))
await show('GET /api/notes/9', await GET(new Request(url(9)), params('9')))
await show(
  'POST /api/notes',
  await POST(new Request(url(''), { method: 'POST', body: JSON.stringify({ text: 'Hello' }) }), params('')),
)
await show('DELETE /api/notes/1', await DELETE(new Request(url(1), { method: 'DELETE' }), params('1')))
await show('OPTIONS /api/notes/1', await OPTIONS(new Request(url(1), { method: 'OPTIONS' }), params('1')))

// Pages Router: Next would call the default export with (req, res) and put
// the [id] segment into req.query; this server does the same.
const route = toPagesRoute(note)
const server = createServer((req, res) => {
  req.query = { id: req.url.split('/').pop() }
  void route(req, res)
})
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve))
const base = `http://127.0.0.1:${server.address().port}`
console.log(`\nPages Router adapter on ${base}`)
try {
  await show('GET /api/notes/2', await fetch(`${base}/api/notes/2`))
  await show('PUT /api/notes/2', await fetch(`${base}/api/notes/2`, { method: 'PUT' }))
} finally {
  server.close()
}
