import { toAppRoute } from 'routekit/app'
import { boomHandler } from '@/lib/handlers/boom'

// Shows error mapping: the client gets a generic 500 problem, onError the real error.
export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = toAppRoute(boomHandler)
