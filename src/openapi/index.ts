// routekit/openapi: an OpenAPI 3.1 document from routekit handlers, and a
// route that serves it. A separate entry, so routes never load it.
export { generateOpenApi } from './generate.js'
export type { DocumentedHandler, GenerateOpenApiOptions } from './generate.js'
export { openApiRoute } from './route.js'
export type { DocumentSource, OpenApiRouteOptions } from './route.js'
export { openApiReference } from './reference.js'
export type {
  JsonSchema,
  OpenApiDocument,
  OpenApiInfo,
  OpenApiOperation,
  OpenApiParameter,
  OpenApiServer,
  OpenApiTag,
} from './types.js'
