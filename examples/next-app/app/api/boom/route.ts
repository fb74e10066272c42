import { toAppRoute } from 'routekit/app'
import { api } from '@/lib/api'

// Shows error mapping: the client gets a generic 500 problem, onError the real error.
const handler = api.get(() => {
  throw new Error('ECONNREFUSED 10.0.0.5:5432 user=notes password=hunter2')
})

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = toAppRoute(handler)
