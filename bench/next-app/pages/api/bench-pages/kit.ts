import { toPagesRoute } from 'routekit/pages'
import { benchHandler } from '@/lib/bench'

// Benchmark: the raw route's work through routekit.
export default toPagesRoute(benchHandler)
export const config = { api: { bodyParser: false } }
