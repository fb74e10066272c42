// The parts of an OpenAPI 3.1 document routekit writes, typed loosely enough
// that a user can add anything the specification allows before serving it.

/** A JSON Schema (2020-12, OpenAPI 3.1's dialect) as a plain object. */
export type JsonSchema = Record<string, unknown>

/** An OpenAPI Info Object. */
export interface OpenApiInfo {
  title: string
  version: string
  description?: string
  [field: string]: unknown
}

/** An OpenAPI Server Object. */
export interface OpenApiServer {
  url: string
  description?: string
  [field: string]: unknown
}

/** An OpenAPI Tag Object. */
export interface OpenApiTag {
  name: string
  description?: string
  [field: string]: unknown
}

/** An OpenAPI Parameter Object, as routekit writes it. */
export interface OpenApiParameter {
  name: string
  in: 'path' | 'query' | 'header'
  required: boolean
  description?: string
  schema: JsonSchema
}

/** An OpenAPI Operation Object, as routekit writes it. */
export interface OpenApiOperation {
  operationId?: string
  summary?: string
  description?: string
  tags?: string[]
  deprecated?: boolean
  parameters?: OpenApiParameter[]
  /** A binary media type has no schema (`{}`), as OpenAPI 3.1 describes raw bytes. */
  requestBody?: { required: boolean; content: Record<string, { schema?: JsonSchema }> }
  responses: Record<string, unknown>
  security?: Record<string, string[]>[]
  [field: string]: unknown
}

/**
 * An OpenAPI 3.1 document. `generateOpenApi()` fills every field it knows;
 * the rest of the specification can be added by hand.
 *
 * @example
 * ```ts
 * const document: OpenApiDocument = generateOpenApi({ info, routes })
 * document.externalDocs = { url: 'https://docs.example.com' }
 * ```
 */
export interface OpenApiDocument {
  openapi: string
  info: OpenApiInfo
  servers?: OpenApiServer[]
  tags?: OpenApiTag[]
  paths: Record<string, Record<string, OpenApiOperation>>
  components: {
    schemas: Record<string, JsonSchema>
    responses: Record<string, unknown>
    securitySchemes?: Record<string, Record<string, unknown>>
    [field: string]: unknown
  }
  [field: string]: unknown
}
