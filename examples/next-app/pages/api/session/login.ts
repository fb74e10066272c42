import { toPagesRoute } from 'routekit/pages'
import { loginHandler } from '@/lib/handlers/session'

export default toPagesRoute(loginHandler)
export const config = { api: { bodyParser: false } }
