import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { type Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createClient } from '../../src/client/index.js'
import type { routes } from '../../examples/next-app/lib/routes.js'
import defaults from '../../examples/next-app/lib/dev-defaults.json'
import { launchChromium } from './chromium.js'
import { baseUrl, bearer } from './client.js'

// routekit/client in the example app, built by `next build` and served by
// `next start`: what reaches the browser, the server component that calls
// the routes (app/tour), and a plain Node script's calls.
const staticDir = join(import.meta.dirname, '../../examples/next-app/.next/static')

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? files(join(dir, entry.name)) : entry.name.endsWith('.js') ? [join(dir, entry.name)] : [],
  )
}

describe('what the browser gets', () => {
  const chunks = files(staticDir).map((file) => ({ file, text: readFileSync(file, 'utf8') }))

  it('includes the client, in the chunks of the page that uses it', () => {
    expect(chunks.some(({ text }) => text.includes('routekit/client: outside the browser'))).toBe(true)
  })

  it("contains no handler code, no jose, no schema of the server's and no secret", () => {
    const forbidden = [
      defaults.jwtSecret,
      defaults.sessionSecret,
      'hunter2', // the boom handlers' messages
      'Only the owner may edit a note', // the note handlers
      'Wrong username or password', // the login handler
      'JWSSignatureVerificationFailed', // jose
      'compactDecrypt',
      'routekit/jwt', // routekit's server entries' configuration messages
      'routekit/session',
      'validation_failed', // the core's validation step
    ]
    const found = forbidden.flatMap((needle) => chunks.filter(({ text }) => text.includes(needle)).map(({ file }) => `${needle} in ${file}`))
    expect(found).toEqual([])
  })
})

describe('a plain Node script', () => {
  const api = createClient<typeof routes>({ baseUrl })

  it('calls the routes with a base URL and per-client headers', async () => {
    const greeting = await api('/api/edge').get({ query: { name: 'script' } })
    expect(greeting.ok && greeting.data).toEqual({ greeting: 'Hello, script!', runtime: 'edge' })
    const authed = createClient<typeof routes>({ baseUrl, headers: await bearer() })
    const made = await authed('/api/notes').post({ body: { text: 'from a script', tags: ['script'] } })
    if (!made.ok) throw new Error(`expected 201, got ${made.status}`)
    expect(made.status).toBe(201)
    expect(made.data).toMatchObject({ text: 'from a script', owner: 'grace', tags: ['script'] })
    const changed = await authed('/api/notes/[id]').patch({ params: { id: made.data.id }, body: { tags: ['edited'] } })
    expect(changed.ok && changed.data).toMatchObject({ text: 'from a script', tags: ['edited'] })
  })

  it('narrows a 422 to its issues, a 401 to its challenge, a declared 404 to its problem', async () => {
    const anonymous = await api('/api/notes').post({ body: { text: 'x' } })
    if (anonymous.ok || anonymous.status !== 401) throw new Error('expected a 401')
    expect(anonymous.challenge).toBe('Bearer realm="api"')
    const invalid = await createClient<typeof routes>({ baseUrl, headers: await bearer() })('/api/notes').post({ body: { text: '' } })
    if (invalid.ok || invalid.status !== 422) throw new Error('expected a 422')
    expect(invalid.problem.errors.map((issue) => issue.path)).toEqual([['text']])
    const missing = await api('/api/notes/[id]').get({ params: { id: 999_999 } })
    if (missing.ok || missing.status !== 404) throw new Error('expected a 404')
    expect(missing.problem.code).toBe('not_found')
  })
})

describe('a server component (app/tour) in Chromium', () => {
  let browser: Browser
  beforeAll(async () => {
    browser = await launchChromium()
  }, 60_000)
  afterAll(async () => {
    await browser?.close()
  })

  it('shows every call it made through the client, with the status each route answers', async () => {
    const context = await browser.newContext()
    try {
      const page = await context.newPage()
      const response = await page.goto(`${baseUrl}/tour`)
      expect(response?.status()).toBe(200)
      expect(await page.title()).toContain('Route tour')
      const rows = await page.$$eval('tr[data-request]', (trs) => trs.map((tr) => [tr.getAttribute('data-request')!.replace(/\d+/g, 'N'), tr.getAttribute('data-status')]))
      expect(rows).toEqual([
        ['POST /api/notes', '201'],
        ['GET /api/notes/N', '200'],
        ['PATCH /api/notes/N', '200'],
        ['GET /api/legacy/notes/N (Pages Router)', '200'],
        ['POST /api/import', '200'],
        ['DELETE /api/notes/N', '204'],
        ['GET /api/notes/N (deleted)', '404'],
        ['GET /api/notes?limit=N', '400'],
        ['GET /api/edge?name=tour (Edge runtime)', '200'],
        ['POST /api/edge (Edge runtime)', '200'],
        ['GET /api/boom', '500'],
        ['GET /api/legacy/boom (Pages Router)', '500'],
      ])
      const text = await page.textContent('main')
      expect(text).toContain('edited by the tour')
      expect(text).not.toContain('hunter2')
    } finally {
      await context.close()
    }
  })
})
