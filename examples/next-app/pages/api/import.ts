import { toPagesRoute } from 'routekit/pages'
import { importHandler } from '@/lib/handlers/import'

export default toPagesRoute(importHandler)
export const config = { api: { bodyParser: false } }
