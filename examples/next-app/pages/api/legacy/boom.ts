import { toPagesRoute } from 'routekit/pages'
import { legacyBoomHandler } from '@/lib/handlers/boom'

// Error mapping on the Pages Router: a generic 500 problem, never the message.
export default toPagesRoute(legacyBoomHandler)
export const config = { api: { bodyParser: false } }
