import { toPagesRoute } from 'routekit/pages'
import { signedIn } from '@/lib/api'

const handler = signedIn.post(({ session }) => {
  session.destroy()
})

export default toPagesRoute(handler)
export const config = { api: { bodyParser: false } }
