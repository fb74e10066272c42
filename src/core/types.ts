/**
 * Flattens an intersection so editors show `{ a: A; b: B }` on hover, not `X & Y`.
 *
 * @example
 * ```ts
 * type Args = Simplify<{ a: string } & { b: number }> // hovers as { a: string; b: number }
 * ```
 */
export type Simplify<T> = { [K in keyof T]: T[K] } & {}

/**
 * `B`'s keys replace `A`'s: a later middleware may narrow `user: User | null` to `User`.
 *
 * @example
 * ```ts
 * type Ctx = Overwrite<{ user: User | null }, { user: User }> // { user: User }
 * ```
 */
export type Overwrite<A, B> = Simplify<Omit<A, keyof B> & B>

export type MaybePromise<T> = T | Promise<T>

/**
 * Path parameters as Next.js gives them: `[id]` is a string, `[...slug]` an array.
 *
 * @example
 * ```ts
 * // app/api/files/[...path]/route.ts: params.path is string[]
 * const file = api.get(({ params }) => ({ path: params.path }))
 * ```
 */
export type RawParams = Record<string, string | string[]>

/**
 * The query string with repeated keys as arrays: `?a=1&a=2&b=3` is `{ a: ['1', '2'], b: '3' }`.
 *
 * @example
 * ```ts
 * // GET /api/items?tag=a&tag=b&limit=5 -> query is { tag: ['a', 'b'], limit: '5' }
 * const items = api.get(({ query }) => ({ tags: [query.tag ?? []].flat() }))
 * ```
 */
export type RawQuery = Record<string, string | string[]>

/**
 * Request headers with lower-case names; repeated headers are joined with `, `.
 *
 * @example
 * ```ts
 * const traced = api.get(({ headers }) => ({ trace: headers['x-trace-id'] ?? null }))
 * ```
 */
export type RawHeaders = Record<string, string>
