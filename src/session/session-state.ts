/**
 * The session a handler sees on `ctx.session`. Changes are collected and
 * written as one `Set-Cookie` when the response leaves the middleware.
 *
 * @example
 * ```ts
 * export const signIn = withSession.post({ body: Credentials }, async ({ body, session }) => {
 *   const user = await users.check(body.username, body.password)
 *   session.regenerate({ username: user.username }) // a fresh id at sign-in
 *   return { signedIn: true }
 * })
 * export const signOut = withSession.post(({ session }) => session.destroy())
 * ```
 */
export interface Session<T> {
  /** The session's data, or `undefined` when there is no (valid) session. */
  readonly data: T | undefined
  /** A random id inside the sealed value, for revocation and logs. */
  readonly id: string | undefined
  /** Replaces the data (starting a session if there was none). */
  set(data: T): void
  /** Merges into the data. */
  update(patch: Partial<T>): void
  /** Ends the session: an expiring cookie is sent and, with a store, the id is revoked. */
  destroy(): void
  /** Gives the session a fresh id and sealed value: call it at login, against fixation. */
  regenerate(data?: T): void
}

/**
 * A session known to exist: the type `session({ required: true })` gives.
 *
 * @example
 * ```ts
 * const signedIn = api.use(session({ secret: process.env.SESSION_SECRET, schema: User, required: true }))
 * const notes = signedIn.get(({ session }) => listNotes(session.data.username)) // data is never undefined here
 * ```
 */
export type RequiredSession<T> = Session<T> & { readonly data: T; readonly id: string }

export type SessionOutcome = 'unchanged' | 'save' | 'clear'

function newSessionId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16))
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
}

export class SessionState<T> implements Session<T> {
  #data: T | undefined
  #id: string | undefined
  #outcome: SessionOutcome = 'unchanged'
  /** Ids that ended during this request, for the store to revoke. */
  readonly endedIds: string[] = []

  constructor(loaded: { sid: string; data: T } | undefined) {
    this.#data = loaded?.data
    this.#id = loaded?.sid
  }

  get data(): T | undefined {
    return this.#data
  }

  get id(): string | undefined {
    return this.#id
  }

  get outcome(): SessionOutcome {
    return this.#outcome
  }

  set(data: T): void {
    this.#data = data
    this.#id ??= newSessionId()
    this.#outcome = 'save'
  }

  update(patch: Partial<T>): void {
    this.set({ ...this.#data, ...patch } as T)
  }

  destroy(): void {
    if (this.#id !== undefined) this.endedIds.push(this.#id)
    this.#data = undefined
    this.#id = undefined
    this.#outcome = 'clear'
  }

  regenerate(data: T | undefined = this.#data): void {
    if (this.#id !== undefined) this.endedIds.push(this.#id)
    this.#id = undefined
    if (data === undefined) {
      this.destroy()
      return
    }
    this.set(data)
  }
}
