import { toAppRoute } from 'routekit/app'
import { noteHandler } from '@/lib/handlers/note'

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = toAppRoute(noteHandler)
