import type { OpenApiDocument } from '../types.js'
import { isObject, resolve } from './html.js'

// An example value for a schema, so a reader sees a body's shape at a
// glance. The document's own examples win; otherwise a plausible value is
// made from the type, honouring bounds so it would pass validation.

const formats: Record<string, string> = {
  'date-time': '2026-01-31T12:00:00Z',
  date: '2026-01-31',
  time: '12:00:00Z',
  email: 'user@example.com',
  uri: 'https://example.com/',
  'uri-reference': 'about:blank',
  url: 'https://example.com/',
  uuid: '3fa85f64-5717-4562-b3fc-2c963f66afa6',
  ipv4: '192.0.2.1',
  ipv6: '2001:db8::1',
}

/** A number within the schema's bounds. */
function numberFor(schema: Record<string, unknown>, integer: boolean): number {
  const min = typeof schema.minimum === 'number' ? schema.minimum : undefined
  const above = typeof schema.exclusiveMinimum === 'number' ? schema.exclusiveMinimum : undefined
  const max = typeof schema.maximum === 'number' ? schema.maximum : undefined
  let value = min ?? (above !== undefined ? (integer ? Math.floor(above) + 1 : above + 1) : 1)
  if (max !== undefined && value > max) value = max
  return value
}

/** A string the schema's length limits accept. */
function stringFor(schema: Record<string, unknown>): string {
  if (typeof schema.format === 'string' && formats[schema.format]) return formats[schema.format]!
  const min = typeof schema.minLength === 'number' ? schema.minLength : 0
  const max = typeof schema.maxLength === 'number' ? schema.maxLength : Infinity
  const text = 'string'.padEnd(min, 'x')
  return text.slice(0, Math.min(text.length, max))
}

/** The first example the schema itself gives, if any. */
function declared(schema: Record<string, unknown>): { value: unknown } | undefined {
  if (Array.isArray(schema.examples) && schema.examples.length > 0) return { value: schema.examples[0] }
  if ('example' in schema) return { value: schema.example }
  if ('const' in schema) return { value: schema.const }
  if (Array.isArray(schema.enum) && schema.enum.length > 0) return { value: schema.enum[0] }
  // An empty default ([] or {}) shows less than a made-up value would.
  if ('default' in schema && !(typeof schema.default === 'object' && schema.default !== null && Object.keys(schema.default).length === 0)) {
    return { value: schema.default }
  }
  return undefined
}

/**
 * A value that fits the schema, for the page's "Example" blocks. References
 * are followed a few levels deep; deeper than that (or in a cycle) a
 * nested value is left out rather than repeated forever.
 *
 * @example
 * ```ts
 * exampleOf(document, { type: 'object', properties: { id: { type: 'integer' } } }) // { id: 1 }
 * ```
 */
export function exampleOf(document: OpenApiDocument, schema: unknown, depth = 0): unknown {
  const target = resolve(document, schema)
  if (!isObject(target) || depth > 5) return undefined
  const given = declared(target)
  if (given) return given.value
  if (Array.isArray(target.allOf)) {
    const parts = target.allOf.map((part) => exampleOf(document, part, depth + 1))
    return parts.every(isObject) ? Object.assign({}, ...parts) : parts.find((part) => part !== undefined)
  }
  const union = Array.isArray(target.oneOf) ? target.oneOf : Array.isArray(target.anyOf) ? target.anyOf : undefined
  if (union) return exampleOf(document, union[0], depth + 1)
  const types = Array.isArray(target.type) ? target.type : [target.type ?? (target.properties ? 'object' : undefined)]
  const type = types.find((candidate) => candidate !== 'null') ?? types[0]
  switch (type) {
    case 'string':
      return stringFor(target)
    case 'integer':
      return numberFor(target, true)
    case 'number':
      return numberFor(target, false)
    case 'boolean':
      return true
    case 'null':
      return null
    case 'array': {
      const item = exampleOf(document, target.items, depth + 1)
      return item === undefined ? [] : [item]
    }
    case 'object': {
      const properties = isObject(target.properties) ? Object.entries(target.properties) : []
      const entries = properties.map(([name, property]) => [name, exampleOf(document, property, depth + 1)] as const)
      return Object.fromEntries(entries.filter(([, value]) => value !== undefined))
    }
    default:
      return undefined
  }
}

/**
 * The example as pretty JSON, or undefined when none can be made.
 *
 * @example
 * ```ts
 * exampleJson(document, { type: 'string' }) // '"string"'
 * ```
 */
export function exampleJson(document: OpenApiDocument, schema: unknown): string | undefined {
  const value = exampleOf(document, schema)
  return value === undefined ? undefined : JSON.stringify(value, null, 2)
}
