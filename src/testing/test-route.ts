import { checkOptionNames, optionNames } from '../core/options.js'
import { toAppRoute } from '../adapters/app.js'
import type { RequestHandler } from '../core/handler.js'
import { buildRequest, type TestRequestOptions } from './build-request.js'
import { runPages } from './pages-run.js'

/**
 * Options for {@link testRoute}: the request, and which router's adapter answers it.
 *
 * @example
 * ```ts
 * // The same request through the Pages adapter (needs node-mocks-http)
 * const { status } = await testRoute(notes, { router: 'pages', method: 'DELETE', params: { id: '7' } })
 * expect(status).toBe(204)
 * ```
 */
export interface TestRouteOptions extends TestRequestOptions {
  /** Which adapter answers: `toAppRoute` (default) or `toPagesRoute` through node-mocks-http. */
  router?: 'app' | 'pages'
}

const testRouteOptionNames = optionNames<TestRouteOptions>({
  router: true, method: true, url: true, params: true, query: true, headers: true, body: true, cookies: true, auth: true,
})

/**
 * A route's answer, read and parsed.
 *
 * @example
 * ```ts
 * const { status, headers, body, cookies } = await testRoute(signIn, { method: 'POST', body: { username: 'ada', password: 'secret' } })
 * expect(status).toBe(200)
 * expect(headers.get('content-type')).toBe('application/json')
 * expect(cookies.session).toBeTruthy()
 * ```
 */
export interface TestResult {
  status: number
  headers: Headers
  /** JSON and problem+json bodies parsed; any other body as text; `undefined` when empty. */
  body: any
  text: string
  /** Cookies the response sets, by name (an expired one as `''`). */
  cookies: Record<string, string>
  /** The response itself. Its body has been read already. */
  response: Response
}

function cookiesOf(headers: Headers): Record<string, string> {
  const cookies: Record<string, string> = {}
  for (const header of headers.getSetCookie()) {
    const pair = header.split(';', 1)[0]!
    const at = pair.indexOf('=')
    cookies[pair.slice(0, at).trim()] = pair.slice(at + 1).trim()
  }
  return cookies
}

/**
 * Runs a routekit handler without Next.js, through the App Router adapter
 * or the Pages Router adapter, and returns its answer with the body parsed.
 *
 * @example
 * ```ts
 * import { testRoute, testToken } from 'routekit/testing'
 *
 * it('creates a note', async () => {
 *   const auth = await testToken({ sub: 'u1', scope: 'notes:write' }, { secret: process.env.JWT_SECRET! })
 *   const { status, body } = await testRoute(notes, { method: 'POST', body: { text: 'hi' }, auth })
 *   expect(status).toBe(201)
 *   expect(body).toMatchObject({ text: 'hi' })
 * })
 * ```
 */
export async function testRoute(handler: RequestHandler, options: TestRouteOptions = {}): Promise<TestResult> {
  checkOptionNames('routekit/testing: testRoute()', options, testRouteOptionNames)
  const request = buildRequest(options)
  const params = options.params ?? {}
  let response: Response
  if (options.router === 'pages') {
    response = await runPages(handler, request, params)
  } else {
    const route = toAppRoute(handler)
    const method = route[request.method as keyof typeof route]
    // Next itself refuses methods outside its list; routekit's core answers them here.
    response = method ? await method(request, { params: Promise.resolve(params) }) : await handler.handle(request, { params })
  }
  const text = await response.text()
  const type = response.headers.get('content-type') ?? ''
  const body = text === '' ? undefined : /^application\/(?:[\w.+-]+\+)?json/i.test(type) ? JSON.parse(text) : text
  return { status: response.status, headers: response.headers, body, text, cookies: cookiesOf(response.headers), response }
}
