import { actionRequest } from '../actions/action-request.js'
import { parseSetCookie } from '../actions/set-cookie.js'
import type { Action, ActionResult } from '../actions/types.js'
import { checkOptionNames, optionNames } from '../core/options.js'

/**
 * The request an action is called in, as Next would describe it.
 *
 * @example
 * ```ts
 * await runAction(createNote, { text: 'milk' }, {
 *   url: 'https://notes.example.com/notes',
 *   headers: { origin: 'https://notes.example.com', 'sec-fetch-site': 'same-origin' },
 *   cookies,
 * })
 * ```
 */
export interface RunActionOptions {
  /** The page's URL; its host becomes the `Host` header. Default `http://localhost/`. */
  url?: string
  /** Request headers: `origin`, `sec-fetch-site`, `authorization`, ... */
  headers?: Record<string, string>
  /** Sent as the `Cookie` header. */
  cookies?: Record<string, string>
}

const runActionOptionNames = optionNames<RunActionOptions>({ url: true, headers: true, cookies: true })

/**
 * What one action call resolved to, and the cookies its middleware set.
 *
 * @example
 * ```ts
 * const session = await testSessionCookie({ username: 'ada' }, { secret })
 * const { result, cookies, setCookie } = await runAction(signOutAction, undefined, { headers: sameSite, cookies: session })
 * expect(result.ok).toBe(true)
 * expect(cookies.session).toBe('') // deleted
 * expect(setCookie[0]).toContain('Max-Age=0')
 * ```
 */
export interface ActionRun<TData> {
  result: ActionResult<TData>
  /** Cookies written through Next's `cookies()`, by name (a deleted one as `''`). */
  cookies: Record<string, string>
  /** The same cookies' full `Set-Cookie` headers, in order. */
  setCookie: string[]
}

/**
 * Runs an action built with `.action()` without Next.js, with the headers
 * and cookies of a request you describe: the same middleware, validation
 * and results as `toServerAction()` gives in a real app.
 *
 * @example
 * ```ts
 * const { result } = await runAction(createNoteAction, { text: 'milk' }, { cookies: { session: await testSessionCookie(...) } })
 * expect(result).toEqual({ ok: true, data: expect.objectContaining({ text: 'milk' }) })
 * ```
 */
export async function runAction<TInput, TData>(
  action: Action<TInput, TData>,
  input: TInput | FormData,
  options: RunActionOptions = {},
): Promise<ActionRun<TData>> {
  checkOptionNames('routekit/testing: runAction()', options, runActionOptionNames)
  const page = new URL(options.url ?? '/', 'http://localhost')
  const headers = new Headers(options.headers)
  if (!headers.has('host')) headers.set('host', page.host)
  if (!headers.has('referer')) headers.set('referer', page.href)
  if (!headers.has('x-forwarded-proto')) headers.set('x-forwarded-proto', page.protocol.slice(0, -1))
  if (options.cookies) headers.set('cookie', Object.entries(options.cookies).map(([name, value]) => `${name}=${value}`).join('; '))
  const setCookie: string[] = []
  const result = await action.run(actionRequest(headers), input, { setCookie: (header) => void setCookie.push(header) })
  const cookies: Record<string, string> = {}
  for (const header of setCookie) {
    const cookie = parseSetCookie(header)
    if (cookie) cookies[cookie.name] = cookie.options.maxAge === 0 ? '' : cookie.value
  }
  return { result, cookies, setCookie }
}
