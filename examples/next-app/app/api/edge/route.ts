import { toAppRoute } from 'routekit/app'
import { edgeHandler } from '@/lib/handlers/edge'

// The same core on the Edge runtime.
export const runtime = 'edge'

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = toAppRoute(edgeHandler)
