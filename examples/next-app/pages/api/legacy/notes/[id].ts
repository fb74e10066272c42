import { toPagesRoute } from 'routekit/pages'
import { legacyNoteHandler } from '@/lib/handlers/legacy-note'

export default toPagesRoute(legacyNoteHandler)
// routekit reads the body itself, with its limits and problem+json answers.
export const config = { api: { bodyParser: false } }
