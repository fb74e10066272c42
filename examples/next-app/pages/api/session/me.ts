import { toPagesRoute } from 'routekit/pages'
import { signedIn } from '@/lib/api'

const handler = signedIn.get(({ session }) => ({ username: session.data.username }))

export default toPagesRoute(handler)
export const config = { api: { bodyParser: false } }
