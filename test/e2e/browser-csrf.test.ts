import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { type Browser, type BrowserContext } from 'playwright-core'
import { launchChromium } from './chromium.js'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { baseUrl } from './client.js'

// Login CSRF in a real browser: a page on another site submits a plain HTML
// form (a CORS "simple" request, no preflight) to the example app's login
// route. Debian's Chromium, driven by playwright-core. The app is reached as
// `localhost` and the attacker as `127.0.0.1`: two different sites, both
// secure contexts, so the browser stores the app's Secure cookie over http
// and sends real Fetch Metadata (`Sec-Fetch-Site: cross-site`).
const app = baseUrl.replace('127.0.0.1', 'localhost')
let browser: Browser
let attacker: Server
let attackerUrl: string

/** The attacker's page: a form that posts itself to `action` as soon as it loads. */
function formPage(action: string, fields: Record<string, string>): string {
  const inputs = Object.entries(fields).map(([name, value]) => `<input name="${name}" value="${value}">`).join('')
  return `<!doctype html><title>Win a prize</title><form method="POST" action="${action}">${inputs}</form><script>document.forms[0].submit()</script>`
}

beforeAll(async () => {
  browser = await launchChromium()
  attacker = createServer((req, res) => {
    const pages: Record<string, string> = {
      '/login': formPage(`${app}/api/session/login`, { username: 'ada', password: 'lovelace' }),
      '/logout': formPage(`${app}/api/session/logout`, {}),
    }
    res.writeHead(pages[req.url ?? ''] ? 200 : 404, { 'content-type': 'text/html' }).end(pages[req.url ?? ''] ?? '')
  })
  await new Promise<void>((resolve) => attacker.listen(0, '127.0.0.1', resolve))
  attackerUrl = `http://127.0.0.1:${(attacker.address() as AddressInfo).port}`
}, 60_000)

afterAll(async () => {
  await browser?.close()
  attacker?.closeAllConnections()
  await new Promise((resolve) => attacker?.close(resolve))
})

/** A fresh browser profile; each client gets its own address, so login rate limits of other tests do not interfere. */
async function visitor(address: string): Promise<BrowserContext> {
  return browser.newContext({ extraHTTPHeaders: { 'x-forwarded-for': address } })
}

const sessionCookieOf = async (context: BrowserContext) => (await context.cookies(app)).find((cookie) => cookie.name === 'session')

/** Signs in from the app's own page, as its login form's fetch would. */
async function signInOnTheApp(context: BrowserContext): Promise<number> {
  const page = await context.newPage()
  await page.goto(`${app}/`)
  return page.evaluate(async () => {
    const answer = await fetch('/api/session/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'ada', password: 'lovelace' }),
    })
    return answer.status
  })
}

describe('cross-site forms in a real browser (Chromium)', () => {
  it('a form on another site cannot sign the visitor in: 403 and no cookie stored', async () => {
    const context = await visitor('198.51.100.21')
    const page = await context.newPage()
    const answer = page.waitForResponse((response) => response.url().endsWith('/api/session/login'))
    await page.goto(`${attackerUrl}/login`)
    const response = await answer
    expect(response.status()).toBe(403)
    expect(response.headers()['content-type']).toBe('application/problem+json')
    expect((await response.json()).code).toBe('csrf_rejected')
    expect(await response.request().headerValue('sec-fetch-site')).toBe('cross-site')
    expect(await sessionCookieOf(context)).toBeUndefined()
    await context.close()
  }, 30_000)

  it('the same login from the app’s own page works and stores the hardened cookie', async () => {
    const context = await visitor('198.51.100.22')
    expect(await signInOnTheApp(context)).toBe(200)
    const cookie = await sessionCookieOf(context)
    expect(cookie).toMatchObject({ httpOnly: true, secure: true, sameSite: 'Lax', path: '/' })
    const page = await context.newPage()
    await page.goto(`${app}/`)
    const me = await page.evaluate(async () => (await fetch('/api/session/me')).json())
    expect(me).toEqual({ username: 'ada' })
    await context.close()
  }, 30_000)

  it('a form on another site cannot sign a signed-in visitor out', async () => {
    const context = await visitor('198.51.100.23')
    expect(await signInOnTheApp(context)).toBe(200)
    const before = await sessionCookieOf(context)
    const page = await context.newPage()
    const answer = page.waitForResponse((response) => response.url().endsWith('/api/session/logout'))
    await page.goto(`${attackerUrl}/logout`)
    expect((await answer).status()).toBe(403)
    expect((await sessionCookieOf(context))?.value).toBe(before?.value)
    await context.close()
  }, 30_000)
})
