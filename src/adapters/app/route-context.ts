import type { RawParams } from '../../core/types.js'

/**
 * Dynamic segment values by name. An empty optional catch-all (`[[...slug]]`) is undefined.
 *
 * @example
 * ```ts
 * // app/docs/[[...slug]]/route.ts, asked for /docs/a/b
 * const params: AppRouteParams = { slug: ['a', 'b'] }
 * ```
 */
export type AppRouteParams = Record<string, string | string[] | undefined>

/**
 * The second argument Next.js passes to an App Router route handler, as
 * every supported version passes it: `params` is a Promise since Next 15, a
 * plain object on Next 14 (and undefined there on a static route).
 *
 * @example
 * ```ts
 * const { GET } = toAppRoute(item)
 * const context: AppRouteContext = { params: Promise.resolve({ id: '7' }) }
 * const response = await GET(new Request('http://localhost/api/items/7'), context) // in a unit test
 * ```
 */
export interface AppRouteContext {
  params?: Promise<AppRouteParams> | AppRouteParams
}

/**
 * The dynamic segments of an App Router route context, without the
 * undefined of an empty optional catch-all. Also read by next-connect's
 * edge router steps, which receive the same context.
 */
export async function routeContextParams(context: AppRouteContext | undefined): Promise<RawParams> {
  const given = await context?.params
  const params: RawParams = {}
  if (typeof given === 'object' && given !== null) {
    for (const [name, value] of Object.entries(given)) {
      if (value !== undefined) params[name] = value
    }
  }
  return params
}
