import type { ProblemDetails } from '../core/problem.js'
import type { MaybePromise, Overwrite } from '../core/types.js'
import type { InferInput, InferOutput, StandardSchemaV1 } from '../validation/standard-schema.js'

/**
 * What an action's spec may hold: the schema its input must match. An
 * action has no path, query or headers of its own, so only a body.
 *
 * @example
 * ```ts
 * const spec = { body: z.object({ text: z.string().min(1) }) } satisfies ActionSpec
 * const createNote = signedIn.action(spec, ({ body }) => notes.create(body))
 * ```
 */
export interface ActionSpec {
  /** Validates the action's input: a plain object, or the fields of a submitted form. */
  body?: StandardSchemaV1
}

/**
 * The input an action accepts: the body schema's input type, or nothing without one.
 *
 * @example
 * ```ts
 * type NewNote = ActionInput<{ body: typeof NoteForm }> // what createNote(input) takes
 * ```
 */
export type ActionInput<TSpec> = TSpec extends { body: infer S extends StandardSchemaV1 } ? InferInput<S> : void

type ActionBody<TSpec> = TSpec extends { body: infer S extends StandardSchemaV1 } ? InferOutput<S> : undefined

/**
 * An action function's argument: the middleware context, the validated body, the built request.
 *
 * @example
 * ```ts
 * const createNote = signedIn.action({ body: NoteForm }, ({ body, session, signal }) => notes.create(session.data.username, body, { signal }))
 * ```
 */
export type ActionArgs<TCtx extends object, TSpec> = Overwrite<TCtx, { body: ActionBody<TSpec>; req: Request; signal: AbortSignal }>

/**
 * The function behind an action; what it returns is the result's `data`.
 *
 * @example
 * ```ts
 * // data is { id: string }: the action resolves to { ok: true, data: { id } }
 * const createNote = signedIn.action({ body: NoteForm }, async ({ body }) => ({ id: await notes.insert(body) }))
 * ```
 */
export type ActionFunction<TCtx extends object, TSpec, TData> = (args: ActionArgs<TCtx, TSpec>) => MaybePromise<TData>

/**
 * What an action resolves to, serialisable for React: the data, or the
 * problem+json object a route would have answered (validation `errors[]`
 * included, so a form can show them per field).
 *
 * @example
 * ```ts
 * const result = await createNote({ text: 'milk' })
 * if (!result.ok) console.log(result.problem.status, result.problem.errors)
 * ```
 */
export type ActionResult<TData> = { ok: true; data: TData } | { ok: false; problem: ProblemDetails }

/** Where an action's middleware writes cookies (Next's `cookies()` in a real action). */
export interface ActionCookieWriter {
  /** Called once per `Set-Cookie` header the middleware produced. */
  setCookie(header: string): void
}

/**
 * An action built by `.action()`: the chain and the function, not yet bound
 * to a framework. `toServerAction()` (routekit/actions) binds it to Next's
 * request; `runAction()` (routekit/testing) runs it with given headers.
 *
 * @example
 * ```ts
 * // lib/note-actions.ts, imported by the 'use server' file that calls toServerAction()
 * export const createNote = signedIn.action({ body: z.object({ text: z.string().min(1) }) }, ({ body, session }) => ({ ...body, owner: session.data.username }))
 * ```
 */
export interface Action<TInput, TData> {
  /** Runs the middleware and the function for one call. Never rejects, except with Next's control-flow errors. */
  run(request: Request, input: TInput | FormData, cookies: ActionCookieWriter): Promise<ActionResult<TData>>
  /** Type-only: the input and data, for the bound function's signature. */
  readonly types?: { input: TInput; data: TData }
}

/**
 * A Server Action: call it with its input (or a `FormData`), or hand it to
 * React's `useActionState`, which calls it with the previous state first.
 *
 * @example
 * ```ts
 * const [state, formAction] = useActionState(createNote, null)
 * ```
 */
export interface ServerAction<TInput, TData> {
  (input: TInput | FormData): Promise<ActionResult<TData>>
  (previousState: ActionResult<TData> | null | undefined, formData: FormData): Promise<ActionResult<TData>>
}
