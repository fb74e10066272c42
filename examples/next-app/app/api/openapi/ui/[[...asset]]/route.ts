import { toAppRoute } from 'routekit/app'
import { swaggerUi } from 'routekit/openapi/swagger-ui'
import { openApiDocument } from '@/lib/openapi'

// Swagger UI at /api/openapi/ui, its files served from the installed
// swagger-ui-dist below that path (a catch-all route), nothing from a CDN.
// It reads those files, so it runs on Node.js.
export const runtime = 'nodejs'
export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = toAppRoute(swaggerUi('/api/openapi', { title: 'routekit example API' }))
