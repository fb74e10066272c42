import { toAppRoute } from 'routekit/app'
import { openApiRoute } from 'routekit/openapi'
import { openApiDocument } from '@/lib/openapi'

// The document, as JSON with an ETag: point Swagger UI, Scalar or a client generator here.
export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = toAppRoute(openApiRoute(openApiDocument))
