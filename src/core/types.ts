/** Flattens an intersection so editors show `{ a: A; b: B }` on hover, not `X & Y`. */
export type Simplify<T> = { [K in keyof T]: T[K] } & {}

/** `B`'s keys replace `A`'s: a later middleware may narrow `user: User | null` to `User`. */
export type Overwrite<A, B> = Simplify<Omit<A, keyof B> & B>

export type MaybePromise<T> = T | Promise<T>

/** Path parameters as Next.js gives them: `[id]` is a string, `[...slug]` an array. */
export type RawParams = Record<string, string | string[]>

/** The query string with repeated keys as arrays: `?a=1&a=2&b=3` is `{ a: ['1', '2'], b: '3' }`. */
export type RawQuery = Record<string, string | string[]>

/** Request headers with lower-case names; repeated headers are joined with `, `. */
export type RawHeaders = Record<string, string>
