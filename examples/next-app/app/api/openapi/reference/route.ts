import { toAppRoute } from 'routekit/app'
import { openApiReference } from 'routekit/openapi'
import { openApiDocument } from '@/lib/openapi'

// The same document as one readable HTML page that loads nothing (open it in a browser).
export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = toAppRoute(openApiReference(openApiDocument))
