import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { type Browser, type BrowserContext, type Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium } from './chromium.js'
import { baseUrl, call } from './client.js'

// The example app's home page (app/page.tsx, its calls in app/demo/calls.ts)
// in Debian's Chromium through playwright-core: sign in as the development
// user, add a note and find it, press each refusal's button and read the
// answer the page shows; axe-core finds nothing in either colour scheme, at
// 1280 and 320 px, and nothing loads from another origin.
//
// Shared server, shared state: every browser profile here poses as a client
// address of its own (Next keeps an x-forwarded-for it is sent), so the
// login and note-form rate limits this file spends, the 429 button's
// included, are not the rest of the suite's; the note carries a tag no
// other test uses, and is looked up by it.
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')
const origin = new URL(baseUrl).origin
let browser: Browser

beforeAll(async () => {
  browser = await launchChromium()
}, 60_000)

afterAll(async () => {
  await browser?.close()
})

interface Visit {
  context: BrowserContext
  page: Page
  /** Uncaught exceptions in the page. */
  errors: string[]
  /** Requests that left the app's origin. */
  foreign: string[]
}

/** A fresh profile at `address`, on the home page once React has hydrated it. */
async function visit(address: string, width = 1280): Promise<Visit> {
  const context = await browser.newContext({ viewport: { width, height: 900 }, extraHTTPHeaders: { 'x-forwarded-for': address } })
  const page = await context.newPage()
  const visit: Visit = { context, page, errors: [], foreign: [] }
  page.on('pageerror', (error) => visit.errors.push(error.message))
  page.on('request', (request) => {
    if (!request.url().startsWith(`${origin}/`) && !request.url().startsWith('data:')) visit.foreign.push(request.url())
  })
  await page.goto(`${baseUrl}/`)
  // The session panel asks who is signed in once hydrated: its text changes then.
  await page.locator('.signed-in').filter({ hasNotText: 'Checking' }).waitFor()
  return visit
}

/** axe-core's violations, as "rule: how many elements". */
async function axe(page: Page): Promise<string[]> {
  await page.evaluate(axeSource)
  const results = await page.evaluate(async () => (window as unknown as { axe: { run(): Promise<{ violations: { id: string; nodes: unknown[] }[] }> } }).axe.run())
  return results.violations.map((violation) => `${violation.id}: ${violation.nodes.length}`)
}

/** What an answer panel shows: its status, the headers listed and the body it printed. */
async function shown(page: Page, id: string) {
  const panel = page.locator(`[data-answer="${id}"]`)
  await panel.waitFor()
  const headers = Object.fromEntries(
    await panel.locator('[data-header]').evaluateAll((rows) => rows.map((row) => [row.getAttribute('data-header'), row.querySelector('dd')?.textContent ?? ''])),
  ) as Record<string, string>
  const text = (await panel.locator('pre.body').textContent()) ?? ''
  return {
    status: Number(await panel.getAttribute('data-status')),
    heading: await panel.locator('h3').textContent(),
    headers,
    body: JSON.parse(text),
    // Pretty-printed, not one line.
    prettyPrinted: text.includes('\n  "'),
    fields: await panel.locator('.field-errors [data-field]').evaluateAll((items) => items.map((item) => item.getAttribute('data-field'))),
    panel,
  }
}

/** Presses a refusal's button and waits for its answer (replacing any earlier one). */
async function provoke(page: Page, status: string) {
  const answer = page.waitForResponse((response) => response.request().frame() === page.mainFrame() && new URL(response.url()).pathname.startsWith('/api/'))
  await page.locator(`button[data-provoke="${status}"]`).click()
  await answer
  await page.locator(`button[data-provoke="${status}"]:not([disabled])`).waitFor()
  return shown(page, status)
}

const uniqueTag = () => `h${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`

describe('the example app’s home page in Chromium', () => {
  it('has a title, a favicon at /favicon.ico and as an SVG icon, headings, and links to the reference and the notes form', async () => {
    const { page, context, errors, foreign } = await visit('192.0.2.161')
    expect(await page.title()).toBe('routekit example')
    const icons = await page.locator('link[rel="icon"]').evaluateAll((links) => links.map((link) => (link as HTMLLinkElement).href))
    expect(icons.length).toBeGreaterThanOrEqual(2)
    for (const href of [...icons, `${baseUrl}/favicon.ico`]) {
      const answer = await call('GET', new URL(href).pathname + new URL(href).search)
      expect(answer.status, href).toBe(200)
      expect(answer.headers.get('content-type'), href).toMatch(/^image\/(x-icon|vnd\.microsoft\.icon|svg\+xml)/)
    }
    expect(await page.locator('h1').textContent()).toBe('routekit example')
    expect(await page.locator('h2').allTextContents()).toEqual(['Sign in', 'Notes', 'Refusals, on purpose'])
    const links = await page.locator('a').evaluateAll((anchors) => anchors.map((anchor) => anchor.getAttribute('href')))
    expect(links).toEqual(expect.arrayContaining(['/api/openapi/reference', '/api/openapi/ui', '/api/openapi', '/notes']))
    for (const link of ['/api/openapi/reference', '/notes']) expect((await call('GET', link)).status, link).toBe(200)
    // Rendered on the server: the headings and the notes list are in the HTML itself.
    const html = (await call('GET', '/')).text
    expect(html).toContain('<h2 id="problems">Refusals, on purpose</h2>')
    expect(html).toContain('aria-label="Notes"')
    expect(errors).toEqual([])
    expect(foreign).toEqual([])
    await context.close()
  })

  it('signs in, adds a note and lists it, shows each refusal’s problem and headers, and passes axe in both schemes at 1280 and 320 px', async () => {
    const { page, context, errors, foreign } = await visit('192.0.2.162')
    expect(await page.locator('.signed-in').textContent()).toBe('Not signed in.')

    // Sign in: the login route's answer, and the session it made.
    await page.getByRole('button', { name: 'Sign in as ada' }).click()
    await page.locator('.signed-in', { hasText: 'Signed in as ada.' }).waitFor()
    const login = await shown(page, 'session')
    expect(login.status).toBe(200)
    expect(login.heading).toContain('POST /api/session/login')
    expect(login.body).toEqual({ username: 'ada' })
    expect(login.headers['ratelimit-policy']).toBe('"login";q=10;w=60')
    expect((await context.cookies(baseUrl)).map((cookie) => cookie.name)).toContain('session')

    // A note, added as ada, and found by its tag.
    const tag = uniqueTag()
    await page.getByLabel('Text').fill(`from the home page ${tag}`)
    await page.getByLabel('Tags').fill(`demo, ${tag}`)
    await page.getByRole('button', { name: 'Add note' }).click()
    await expect.poll(() => page.locator('form[aria-label="New note"] [role=status]').textContent()).toMatch(/^Note \d+ created\.$/)
    await page.getByLabel('Tag', { exact: true }).fill(tag)
    await page.getByRole('button', { name: 'Show notes' }).click()
    await page.locator('.list-source', { hasText: `tag=${tag}` }).waitFor()
    expect(await page.locator('ul[aria-label="Notes"] li').allTextContents()).toEqual([expect.stringMatching(new RegExp(`^from the home page ${tag} \\(#\\d+, ada; demo, ${tag}\\)$`))])
    expect((await call('GET', `/api/notes?tag=${tag}`)).json()).toEqual([expect.objectContaining({ owner: 'ada', tags: ['demo', tag] })])

    // 405: a method the route lacks, and the methods it has.
    const wrongMethod = await provoke(page, '405')
    expect(wrongMethod.status).toBe(405)
    expect(wrongMethod.heading).toBe('405 Method Not Allowed DELETE /api/notes')
    expect(wrongMethod.headers).toMatchObject({ allow: 'GET, HEAD, POST, OPTIONS', 'content-type': 'application/problem+json' })
    expect(wrongMethod.body).toMatchObject({ type: 'about:blank', title: 'Method Not Allowed', status: 405, code: 'method_not_allowed' })
    expect(wrongMethod.prettyPrinted).toBe(true)

    // 401: the notes API's POST wants a bearer token; the session does not count there.
    const unauthorized = await provoke(page, '401')
    expect(unauthorized.status).toBe(401)
    expect(unauthorized.headers).toMatchObject({ 'www-authenticate': 'Bearer realm="api"', 'content-type': 'application/problem+json' })
    expect(unauthorized.body).toMatchObject({ title: 'Unauthorized', status: 401, code: expect.any(String) })

    // 422: the text's field error, by path, in the body and listed.
    const invalid = await provoke(page, '422')
    expect(invalid.status).toBe(422)
    expect(invalid.headers['content-type']).toBe('application/problem+json')
    expect(invalid.body).toMatchObject({ status: 422, code: 'validation_failed', errors: [expect.objectContaining({ in: 'body', path: ['text'] })] })
    expect(invalid.fields).toEqual(['text'])

    // 429: the login limit, spent from this profile's address only.
    const limited = await provoke(page, '429')
    expect(limited.status).toBe(429)
    expect(limited.headers['content-type']).toBe('application/problem+json')
    expect(Number(limited.headers['retry-after'])).toBeGreaterThanOrEqual(1)
    expect(limited.headers['ratelimit-policy']).toBe('"login";q=10;w=60')
    expect(limited.headers.ratelimit).toMatch(/^"login";r=0;t=\d+$/)
    expect(limited.body).toMatchObject({ status: 429, code: 'rate_limited' })
    // The sign-in counted once, so the tenth wrong password was refused.
    expect(await limited.panel.textContent()).toContain('After 10 attempts.')
    // The session is untouched: still signed in.
    expect((await call('GET', '/api/session/me', { headers: { cookie: (await context.cookies(baseUrl)).map((c) => `${c.name}=${c.value}`).join('; ') } })).status).toBe(200)
    // Other addresses keep their quota.
    const elsewhere = await call('POST', '/api/session/login', {
      headers: { 'content-type': 'application/json', 'x-forwarded-for': '192.0.2.163' },
      body: JSON.stringify({ username: 'ada', password: 'lovelace' }),
    })
    expect(elsewhere.status).toBe(200)

    // Every answer on the page, in both schemes, wide and narrow.
    for (const width of [1280, 320]) {
      await page.setViewportSize({ width, height: 900 })
      for (const colorScheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme })
        expect(await axe(page), `${colorScheme} at ${width} px`).toEqual([])
        expect(await page.evaluate(() => document.documentElement.scrollWidth), `${colorScheme} at ${width} px`).toBeLessThanOrEqual(width)
      }
    }
    expect(errors).toEqual([])
    expect(foreign).toEqual([])
    await context.close()
  }, 60_000)

  it('signed out, the note is refused with the session’s 401 problem and the 422 button gets the 401 too', async () => {
    const { page, context } = await visit('192.0.2.164', 320)
    const tag = uniqueTag()
    await page.getByLabel('Text').fill(`signed out ${tag}`)
    await page.getByLabel('Tags').fill(tag)
    await page.getByRole('button', { name: 'Add note' }).click()
    const alert = page.locator('form[aria-label="New note"] [role=alert]')
    await alert.waitFor()
    expect(await alert.getAttribute('data-status')).toBe('401')
    const refused = await provoke(page, '422')
    expect(refused.status).toBe(401)
    expect(refused.headers['www-authenticate']).toBe('Cookie realm="api"')
    expect((await call('GET', `/api/notes?tag=${tag}`)).json()).toEqual([])
    expect(await axe(page)).toEqual([])
    await context.close()
  }, 30_000)
})
