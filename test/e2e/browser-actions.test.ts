import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { type Browser, type BrowserContext, type Page } from 'playwright-core'
import { launchChromium } from './chromium.js'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { baseUrl, call } from './client.js'

// The example's notes page (app/notes): forms on Server Actions built from
// the same `signedIn` base as the API routes, in Debian's Chromium through
// playwright-core, with JavaScript and without it (the forms work before
// hydration: useActionState's formAction posts the page itself). As in
// browser-csrf.test.ts, the app is `localhost` and the attacker `127.0.0.1`:
// two sites, both secure contexts, so the Secure session cookie is kept.
const app = baseUrl.replace('127.0.0.1', 'localhost')
let browser: Browser
let attacker: Server
let attackerUrl: string
/** The attacker's page: whatever form the test last gave it. */
let attackerPage = ''
let nextAddress = 10

beforeAll(async () => {
  browser = await launchChromium()
  attacker = createServer((_req, res) => void res.writeHead(200, { 'content-type': 'text/html' }).end(attackerPage))
  await new Promise<void>((resolve) => attacker.listen(0, '127.0.0.1', resolve))
  attackerUrl = `http://127.0.0.1:${(attacker.address() as AddressInfo).port}`
}, 60_000)

afterAll(async () => {
  await browser?.close()
  attacker?.closeAllConnections()
  await new Promise((resolve) => attacker?.close(resolve))
})

/** A tag no other test uses, to find this test's notes through the API (tags are at most 20 characters). */
const uniqueTag = () => `t${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`

/** Notes carrying `tag`, as the public notes API lists them. */
async function notesTagged(tag: string): Promise<{ text: string; owner: string; tags: string[] }[]> {
  const answer = await call('GET', `/api/notes?tag=${tag}&limit=100`)
  expect(answer.status).toBe(200)
  return answer.json()
}

/**
 * A fresh browser profile with an address of its own: the page's rate
 * limits count per client address, so tests do not share their counts.
 */
function visitor(javaScriptEnabled: boolean): Promise<BrowserContext> {
  return browser.newContext({ javaScriptEnabled, extraHTTPHeaders: { 'x-forwarded-for': `203.0.113.${nextAddress++}` } })
}

/** Opens the notes page; with JavaScript, waits until React has hydrated the forms. */
async function notesPage(context: BrowserContext, javaScriptEnabled: boolean): Promise<Page> {
  const page = await context.newPage()
  await page.goto(`${app}/notes`)
  if (javaScriptEnabled) {
    await page.waitForFunction(() => {
      const form = document.querySelector('form[aria-label="New note"]')
      return !!form && Object.keys(form).some((key) => key.startsWith('__reactFiber'))
    })
  }
  return page
}

const form = (page: Page, label: string) => page.locator(`form[aria-label="${label}"]`)

/**
 * Fills and submits one of the page's forms, and says how it went: with
 * JavaScript React calls the action (a fetch with `Next-Action`) and renders
 * the result in place; without, the browser posts the form and the page comes
 * back rendered with the result. Resolves once the result is on the page.
 */
async function submit(page: Page, label: string, fields: Record<string, string>, javaScriptEnabled: boolean): Promise<{ nextAction: string | null }> {
  const target = form(page, label)
  for (const [name, value] of Object.entries(fields)) await target.locator(`[name="${name}"]`).fill(value)
  const results = `form[aria-label="${label}"] [role=status], form[aria-label="${label}"] [role=alert], form[aria-label="${label}"] .field-error`
  const before = javaScriptEnabled ? await page.evaluate((selector) => [...document.querySelectorAll(selector)].map((node) => node.textContent).join('|'), results) : ''
  const posted = page.waitForRequest((request) => request.method() === 'POST' && new URL(request.url()).pathname === '/notes')
  if (javaScriptEnabled) {
    await target.locator('button').click()
    await page.waitForFunction(
      ([selector, previous]) => {
        const now = [...document.querySelectorAll(selector!)].map((node) => node.textContent).join('|')
        return now !== '' && now !== previous
      },
      [results, before],
    )
  } else {
    await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), target.locator('button').click()])
    await page.locator(results).first().waitFor()
  }
  return { nextAction: await (await posted).headerValue('next-action') }
}

const statusOf = (page: Page, label: string) => form(page, label).locator('[role=status]').textContent()
const problemOf = async (page: Page, label: string) => {
  const alert = form(page, label).locator('[role=alert]')
  return { status: Number(await alert.getAttribute('data-status')), text: await alert.textContent() }
}

async function signIn(page: Page, javaScriptEnabled: boolean) {
  await submit(page, 'Sign in', { username: 'ada', password: 'lovelace' }, javaScriptEnabled)
  expect(await statusOf(page, 'Sign in')).toBe('Signed in as ada.')
}

for (const javaScriptEnabled of [true, false]) {
  describe(`the notes form on Server Actions, JavaScript ${javaScriptEnabled ? 'on' : 'off'} (Chromium)`, () => {
    it('signed in: the note is created, as the notes API shows, and the page says so', async () => {
      const context = await visitor(javaScriptEnabled)
      const page = await notesPage(context, javaScriptEnabled)
      await signIn(page, javaScriptEnabled)
      const tag = uniqueTag()
      const { nextAction } = await submit(page, 'New note', { text: `milk ${tag}`, tags: `food, ${tag}` }, javaScriptEnabled)
      // With JavaScript React called the action; without, the browser posted the form itself.
      if (javaScriptEnabled) expect(nextAction).toMatch(/^[0-9a-f]{40,}$/)
      else expect(nextAction).toBeNull()
      expect(await statusOf(page, 'New note')).toMatch(/^Note \d+ created\.$/)
      expect(await notesTagged(tag)).toEqual([expect.objectContaining({ text: `milk ${tag}`, owner: 'ada', tags: ['food', tag] })])
      // The page lists it (after revalidatePath with JavaScript, in the posted page's render without).
      await page.getByText(`milk ${tag}`).waitFor()
      await context.close()
    })

    it('signed out: the 401 problem is shown in the form, nothing is created', async () => {
      const context = await visitor(javaScriptEnabled)
      const page = await notesPage(context, javaScriptEnabled)
      const tag = uniqueTag()
      await submit(page, 'New note', { text: `eggs ${tag}`, tags: tag }, javaScriptEnabled)
      const problem = await problemOf(page, 'New note')
      expect(problem.status).toBe(401)
      expect(problem.text).toMatch(/^401 Unauthorized/)
      expect(await notesTagged(tag)).toEqual([])
      await context.close()
    })

    it('invalid input: each field shows its own error, nothing is created', async () => {
      const context = await visitor(javaScriptEnabled)
      const page = await notesPage(context, javaScriptEnabled)
      await signIn(page, javaScriptEnabled)
      const tag = uniqueTag()
      await submit(page, 'New note', { text: '', tags: `${tag}, this-tag-is-far-too-long-for-a-note` }, javaScriptEnabled)
      const problem = await problemOf(page, 'New note')
      expect(problem.status).toBe(422)
      expect(await form(page, 'New note').locator('.field-error[data-field="text"]').textContent()).toMatch(/\S/)
      expect(await form(page, 'New note').locator('.field-error[data-field="tags"]').textContent()).toMatch(/\S/)
      expect(await form(page, 'New note').locator('#text').getAttribute('aria-invalid')).toBe('true')
      expect(await notesTagged(tag)).toEqual([])
      await context.close()
    })

    it('over the rate limit (5 a minute per address): the 6th note gets the 429 problem and is not created', async () => {
      const context = await visitor(javaScriptEnabled)
      const page = await notesPage(context, javaScriptEnabled)
      await signIn(page, javaScriptEnabled)
      const tag = uniqueTag()
      for (let n = 1; n <= 5; n++) {
        await submit(page, 'New note', { text: `note ${n} ${tag}`, tags: tag }, javaScriptEnabled)
        expect(await statusOf(page, 'New note')).toMatch(/created/)
      }
      await submit(page, 'New note', { text: `note 6 ${tag}`, tags: tag }, javaScriptEnabled)
      const problem = await problemOf(page, 'New note')
      expect(problem.status).toBe(429)
      expect(problem.text).toMatch(/^429 Too Many Requests/)
      expect((await notesTagged(tag)).map((note) => note.text)).toEqual([1, 2, 3, 4, 5].map((n) => `note ${n} ${tag}`))
      await context.close()
    }, 60_000)

    it('a form on another site posting to the action, the visitor signed in: refused, nothing created', async () => {
      const context = await visitor(javaScriptEnabled)
      const page = await notesPage(context, javaScriptEnabled)
      await signIn(page, javaScriptEnabled)
      // The attacker copies the action's hidden fields from the public page
      // (read here with JavaScript off, as the server renders them).
      const reader = await visitor(false)
      const source = await notesPage(reader, false)
      const hidden = await form(source, 'New note').locator('input[type=hidden]').evaluateAll((inputs) => inputs.map((input) => [(input as HTMLInputElement).name, (input as HTMLInputElement).value]))
      await reader.close()
      expect(hidden.some(([name]) => name!.startsWith('$ACTION_'))).toBe(true)
      const tag = uniqueTag()
      const fields = [...hidden, ['text', `forged ${tag}`], ['tags', tag]]
      const escape = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;')
      attackerPage = `<!doctype html><title>Win a prize</title><form method="POST" enctype="multipart/form-data" action="${app}/notes">${fields
        .map(([name, value]) => `<input type="hidden" name="${escape(name!)}" value="${escape(value!)}">`)
        .join('')}<button>Claim</button></form>`
      const evil = await context.newPage()
      await evil.goto(`${attackerUrl}/`)
      const answer = evil.waitForResponse((response) => response.request().method() === 'POST' && response.url().startsWith(app))
      await evil.locator('button').click()
      const response = await answer
      expect(await response.request().headerValue('sec-fetch-site')).toBe('cross-site')
      // Next refuses it first (Origin is not the host: "Invalid Server
      // Actions request", 500); routekit's session check would answer 403.
      expect(response.status()).toBeGreaterThanOrEqual(400)
      expect(await response.text()).not.toContain(`forged ${tag}`)
      expect(await notesTagged(tag)).toEqual([])
      await context.close()
    })
  })
}

describe('the action behind Next’s own Origin check', () => {
  it('a cross-site call Next lets through (no Origin header) is refused by the session’s check: 403 result, nothing created', async () => {
    // The action's id, as the note form carries it for posts before hydration.
    const html = (await call('GET', '/notes')).text
    const noteForm = html.slice(html.indexOf('aria-label="New note"'))
    const id = /\{&quot;id&quot;:&quot;([0-9a-f]+)&quot;/.exec(noteForm)?.[1]
    expect(id).toBeDefined()
    const login = await call('POST', '/api/session/login', {
      headers: { 'content-type': 'application/json', origin: baseUrl, 'x-forwarded-for': '203.0.113.90' },
      body: JSON.stringify({ username: 'ada', password: 'lovelace' }),
    })
    expect(login.status).toBe(200)
    const cookie = login.headers.getSetCookie().map((header) => header.split(';')[0]).join('; ')
    const tag = uniqueTag()
    const callAction = (site: string, text: string) =>
      call('POST', '/notes', {
        // useActionState's call: (previousState, input). No Origin, which Next only warns about.
        headers: { 'next-action': id!, accept: 'text/x-component', 'content-type': 'text/plain;charset=UTF-8', 'sec-fetch-site': site, cookie, 'x-forwarded-for': '203.0.113.91' },
        body: JSON.stringify([null, { text, tags: tag }]),
      })
    const resultOf = (text: string) => JSON.parse(text.split('\n').find((line) => /^[0-9a-f]+:\{"ok":/.test(line))!.replace(/^[0-9a-f]+:/, ''))
    const crossSite = await callAction('cross-site', `forged ${tag}`)
    expect(resultOf(crossSite.text)).toMatchObject({ ok: false, problem: { status: 403, code: 'csrf_rejected' } })
    // The same call from the same site goes through: the refusal was the check, not the call's shape.
    const sameSite = await callAction('same-origin', `own ${tag}`)
    expect(resultOf(sameSite.text)).toMatchObject({ ok: true, data: { text: `own ${tag}`, owner: 'ada' } })
    expect((await notesTagged(tag)).map((note) => note.text)).toEqual([`own ${tag}`])
  })
})
