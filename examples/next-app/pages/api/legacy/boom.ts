import { toPagesRoute } from 'routekit/pages'
import { api } from '@/lib/api'

// Error mapping on the Pages Router: a generic 500 problem, never the message.
const handler = api.get(() => {
  throw new Error('Redis AUTH failed: password=hunter2')
})

export default toPagesRoute(handler)
export const config = { api: { bodyParser: false } }
