import { toPagesRoute } from 'routekit/pages'
import { meHandler } from '@/lib/handlers/session'

export default toPagesRoute(meHandler)
export const config = { api: { bodyParser: false } }
