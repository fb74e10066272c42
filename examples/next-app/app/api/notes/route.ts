import { toAppRoute } from 'routekit/app'
import { notesHandler } from '@/lib/handlers/notes'

// Export every method, so routekit (not Next) answers the ones the handler lacks.
export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = toAppRoute(notesHandler)
