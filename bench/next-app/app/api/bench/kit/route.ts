import { toAppRoute } from 'routekit/app'
import { benchHandler } from '@/lib/bench'

// Benchmark: the raw route's work through routekit.
export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = toAppRoute(benchHandler)
