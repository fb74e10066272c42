import { toAppRoute } from 'routekit/app'
import { preferencesHandler } from '@/lib/handlers/preferences'

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = toAppRoute(preferencesHandler)
