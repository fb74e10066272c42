import { mkdirSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { type Browser, type Page } from 'playwright-core'
import { launchChromium } from './chromium.js'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { baseUrl } from './client.js'

// The reference pages in a real browser (Debian's Chromium): the built-in
// page must pass axe-core in both colour schemes and fit a 320 px screen;
// Swagger UI must render the operations under its strict policy. Both must
// load without a single Content-Security-Policy violation.
// REFERENCE_SCREENSHOTS=1 also writes docs/reference-screenshots/*.png.
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')
const screenshots = process.env.REFERENCE_SCREENSHOTS === '1' ? new URL('../../docs/reference-screenshots/', import.meta.url) : undefined
const origin = new URL(baseUrl).origin

let browser: Browser

beforeAll(async () => {
  browser = await launchChromium()
  if (screenshots) mkdirSync(screenshots, { recursive: true })
}, 60_000)

afterAll(async () => {
  await browser?.close()
})

interface Visit {
  page: Page
  violations: string[]
  errors: string[]
  foreign: string[]
}

/** A fresh page that records CSP violations, console errors and any request that leaves the app's origin. */
async function visit(width: number, colorScheme: 'light' | 'dark'): Promise<Visit> {
  const context = await browser.newContext({ viewport: { width, height: 800 }, colorScheme })
  const page = await context.newPage()
  const visit: Visit = { page, violations: [], errors: [], foreign: [] }
  // Init scripts come from the browser, not the page, so the page's own policy does not stop this listener.
  await page.exposeFunction('reportViolation', (text: string) => visit.violations.push(text))
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      ;(window as unknown as { reportViolation(text: string): void }).reportViolation(`${event.violatedDirective} ${event.blockedURI}`)
    })
  })
  page.on('console', (message) => {
    if (message.type() === 'error') visit.errors.push(message.text())
  })
  page.on('pageerror', (error) => visit.errors.push(error.message))
  page.on('request', (request) => {
    if (!request.url().startsWith(`${origin}/`) && !request.url().startsWith('data:')) visit.foreign.push(request.url())
  })
  return visit
}

/** axe-core's violations, as "rule: how many elements". */
async function axe(page: Page): Promise<string[]> {
  // Evaluated through the DevTools protocol: the page's policy allows no script, rightly, and this is not the page's.
  await page.evaluate(axeSource)
  const results = await page.evaluate(async () => (window as unknown as { axe: { run(): Promise<{ violations: { id: string; nodes: unknown[] }[] }> } }).axe.run())
  return results.violations.map((violation) => `${violation.id}: ${violation.nodes.length}`)
}

describe('the built-in reference page in Chromium', () => {
  describe.each(['light', 'dark'] as const)('%s', (scheme) => {
    it.each([320, 1280])('at %i px: no axe-core violation, no sideways scroll, no policy violation', async (width) => {
      const { page, violations, errors, foreign } = await visit(width, scheme)
      const response = await page.goto(`${baseUrl}/api/openapi/reference`)
      expect(response?.headers()['content-security-policy']).toMatch(/^default-src 'none'; style-src 'sha256-/)
      // The style applied (the policy allowed it by its hash): the page has its own background.
      const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor)
      expect(background).toBe(scheme === 'dark' ? 'rgb(13, 17, 23)' : 'rgb(255, 255, 255)')
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width)
      // Following a schema link lands on a visible section, near the top of the screen.
      await page.click('main a[href="#schemas-Note"] >> nth=0')
      const target = await page.evaluate(() => document.querySelector(':target')?.getBoundingClientRect().top)
      expect(target).toBeGreaterThanOrEqual(0)
      expect(target).toBeLessThan(100)
      expect(await axe(page)).toEqual([])
      if (screenshots) {
        await page.goto(`${baseUrl}/api/openapi/reference`)
        await page.screenshot({ path: new URL(`${scheme}-${width}.png`, screenshots).pathname })
        await page.goto(`${baseUrl}/api/openapi/reference#op-createNote`)
        await page.screenshot({ path: new URL(`${scheme}-${width}-operation.png`, screenshots).pathname })
      }
      expect(violations).toEqual([])
      expect(errors).toEqual([])
      expect(foreign).toEqual([])
      await page.context().close()
    }, 60_000)
  })
})

describe('Swagger UI (routekit/openapi/swagger-ui) in Chromium', () => {
  it('renders every operation under a nonce-only script policy, loading nothing from elsewhere', async () => {
    const { page, violations, errors, foreign } = await visit(1280, 'light')
    const response = await page.goto(`${baseUrl}/api/openapi/ui`)
    const policy = response?.headers()['content-security-policy'] ?? ''
    expect(policy).toMatch(/script-src 'nonce-[A-Za-z0-9+/]+=*';/)
    expect(policy).not.toMatch(/unsafe-inline|unsafe-eval|https?:/)
    await page.waitForSelector('.opblock-summary', { timeout: 20_000 })
    const document = JSON.parse(readFileSync(new URL('../../examples/next-app/openapi.json', import.meta.url), 'utf8'))
    const operations = Object.values(document.paths as Record<string, object>).flatMap((item) => Object.keys(item))
    expect(await page.locator('.opblock-summary').count()).toBe(operations.length)
    // Open one operation and try it: Swagger UI's own request reaches the app (connect-src 'self').
    await page.click('#operations-notes-listNotes .opblock-summary')
    await page.click('#operations-notes-listNotes .try-out__btn')
    await page.click('#operations-notes-listNotes .execute')
    await expect.poll(() => page.locator('#operations-notes-listNotes .live-responses-table tr.response .response-col_status').first().textContent()).toMatch(/^\d{3}$/)
    if (screenshots) await page.screenshot({ path: new URL('swagger-ui-1280.png', screenshots).pathname })
    // An inline script, as an injection would add, is refused: the policy is enforced, not only sent.
    await page.evaluate(() => {
      const script = document.createElement('script')
      script.textContent = 'window.injected = true'
      document.body.append(script)
    })
    expect(await page.evaluate(() => (window as unknown as { injected?: boolean }).injected)).toBeUndefined()
    expect(violations).toEqual(['script-src-elem inline'])
    expect(errors.filter((error) => !error.includes('Content Security Policy'))).toEqual([])
    expect(foreign).toEqual([])
    await page.context().close()
  }, 60_000)
})
