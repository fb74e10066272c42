// routekit/actions: a builder's action bound to Next's Server Actions. The
// only routekit entry that uses `next`, and only when an action is called,
// so the entry loads anywhere (a plain Node test, the compat matrix).
import type { Action, ActionCookieWriter, ServerAction } from './types.js'
import { actionRequest } from './action-request.js'
import { parseSetCookie } from './set-cookie.js'

export type { Action, ActionArgs, ActionFunction, ActionInput, ActionResult, ActionSpec, ServerAction } from './types.js'
export { formFields } from './form-fields.js'

let nextHeaders: Promise<typeof import('next/headers.js')> | undefined

/**
 * Makes a Server Action from an action built with `.action()`. Export the
 * result from a `'use server'` file; call it with its input or a
 * `FormData`, or pass it to `useActionState`. Cookies the middleware sets
 * (a new or ended session) are written through Next's `cookies()`.
 *
 * @example
 * ```ts
 * 'use server'
 * export const createNote = toServerAction(signedIn.action({ body: NewNote }, ({ body, session }) => notes.create(session.data.username, body)))
 * ```
 */
export function toServerAction<TInput, TData>(action: Action<TInput, TData>): ServerAction<TInput, TData> {
  if (typeof action?.run !== 'function') throw new TypeError('routekit/actions: toServerAction() takes what `.action()` returns.')
  return async function serverAction(...args: unknown[]) {
    // useActionState calls (previousState, formData), after any arguments bound with .bind(): the payload is last.
    const input = args.at(-1) as TInput | FormData
    const { cookies, headers } = await (nextHeaders ??= import('next/headers.js'))
    // Next 14 returns them directly, 15 and 16 as promises: await covers both.
    const request = actionRequest(new Headers(await headers()))
    const jar = await cookies()
    const writer: ActionCookieWriter = {
      setCookie(header) {
        const cookie = parseSetCookie(header)
        if (cookie) jar.set(cookie.name, cookie.value, cookie.options)
      },
    }
    return action.run(request, input, writer)
  } as ServerAction<TInput, TData>
}
