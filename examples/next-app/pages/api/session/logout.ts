import { toPagesRoute } from 'routekit/pages'
import { logoutHandler } from '@/lib/handlers/session'

export default toPagesRoute(logoutHandler)
export const config = { api: { bodyParser: false } }
