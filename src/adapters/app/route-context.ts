import type { RawParams } from '../../core/types.js'

/** The second argument Next.js passes to an App Router route handler. */
export interface AppRouteContext {
  /** A Promise since Next 15; a plain object before. Optional catch-all segments may be undefined. */
  params?: Promise<Record<string, string | string[] | undefined>> | Record<string, string | string[] | undefined>
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
