import { configError } from '../core/options.js'
import type { StandardSchemaV1 } from '../validation/standard-schema.js'
import type { JsonSchema } from './types.js'

/** Requests are documented by what a schema accepts, responses by what it produces. */
export type SchemaSide = 'input' | 'output'

/** The optional Standard JSON Schema converter (standardschema.dev/json-schema); zod 4.2+ has one. */
interface JsonSchemaConverter {
  input?: (options: { target: string; libraryOptions?: Record<string, unknown> }) => Record<string, unknown>
  output?: (options: { target: string; libraryOptions?: Record<string, unknown> }) => Record<string, unknown>
}

const componentPrefix = '#/components/schemas/'
const defsPrefix = '#/$defs/'
// OpenAPI 3.1 §4.8.7: component names; anything else makes the document invalid.
const componentName = /^[A-Za-z0-9._-]+$/

/** Applies `visit` to every object inside a JSON value, depth first. */
function eachObject(value: unknown, visit: (object: Record<string, unknown>) => void): void {
  if (Array.isArray(value)) for (const item of value) eachObject(item, visit)
  else if (typeof value === 'object' && value !== null) {
    visit(value as Record<string, unknown>)
    for (const child of Object.values(value)) eachObject(child, visit)
  }
}

/**
 * A recursive schema without a name refers to itself as `#` (the document
 * root, once inside OpenAPI) or under a generated name (zod's `__schema0`)
 * that another schema's recursion would reuse.
 */
function isAnonymousRecursion(root: JsonSchema, defs: unknown): boolean {
  let rootRef = false
  eachObject(root, (object) => {
    if (object.$ref === '#') rootRef = true
  })
  return rootRef || Object.keys((defs ?? {}) as object).some((id) => /^__schema\d+$/.test(id))
}

function referencesAny(schema: JsonSchema, names: ReadonlyMap<string, string>): boolean {
  let found = false
  eachObject(schema, (object) => {
    if (typeof object.$ref === 'string' && names.has(object.$ref.slice(componentPrefix.length))) found = true
  })
  return found
}

/**
 * Converts route schemas to JSON Schema 2020-12 (OpenAPI 3.1's dialect)
 * through the Standard JSON Schema interface, so no schema library is
 * imported here. Every sub-schema a library names (zod: `.meta({ id })`)
 * becomes a shared component; when a named schema reads differently as
 * input and output (defaults, coercion, transforms), the input one is
 * named `<id>Input`.
 */
export class SchemaCollector {
  readonly #named: Record<SchemaSide, Map<string, JsonSchema>> = { input: new Map(), output: new Map() }
  /** The components routekit defines itself, which a user's id must not take. */
  readonly #own = new Set<string>()
  /** Everything holding input-side references, renamed at the end if needed. */
  readonly #inputs: JsonSchema[] = []

  /** A component defined by routekit itself (the problem schemas); only responses use it. */
  define(id: string, schema: JsonSchema): void {
    this.#name('output', id, structuredClone(schema))
    this.#own.add(id)
  }

  convert(schema: StandardSchemaV1, side: SchemaSide): JsonSchema {
    const standard = schema['~standard'] as StandardSchemaV1['~standard'] & { jsonSchema?: JsonSchemaConverter }
    let converted: Record<string, unknown>
    try {
      const convert = standard.jsonSchema?.[side]
      if (convert === undefined) return this.#opaque(standard.vendor)
      // Unrepresentable parts (a zod date, a transform's output) become `{}`, not an error.
      converted = structuredClone(convert({ target: 'draft-2020-12', libraryOptions: { unrepresentable: 'any' } }))
    } catch {
      return this.#opaque(standard.vendor)
    }
    const { $schema: _dialect, $defs, ...root } = converted
    if (isAnonymousRecursion(root, $defs)) {
      throw configError('routekit/openapi', `a recursive ${standard.vendor} schema needs an id to be documented (zod: \`.meta({ id: 'Category' })\`).`)
    }
    for (const [id, definition] of Object.entries(($defs ?? {}) as Record<string, JsonSchema>)) {
      this.#name(side, id, this.#relinked(definition, side))
    }
    return this.#relinked(root, side)
  }

  /** Resolves a top-level `$ref` to a component, to read an object schema's properties. */
  resolve(schema: JsonSchema, side: SchemaSide): JsonSchema {
    const ref = schema.$ref
    if (typeof ref !== 'string' || !ref.startsWith(componentPrefix)) return schema
    return this.#named[side].get(ref.slice(componentPrefix.length)) ?? schema
  }

  /** The `components.schemas` of the document, sorted by name; input references renamed where needed. */
  components(): Record<string, JsonSchema> {
    const { input, output } = this.#named
    const renamed = new Map<string, string>()
    for (const [id, schema] of input) {
      const same = output.get(id)
      if (same !== undefined && JSON.stringify(same) !== JSON.stringify(schema)) renamed.set(id, `${id}Input`)
    }
    // A schema that refers to a renamed one reads differently too, even if its own text is the same.
    for (let changed = true; changed; ) {
      changed = false
      for (const [id, schema] of input) {
        if (renamed.has(id) || !output.has(id)) continue
        if (referencesAny(schema, renamed)) {
          renamed.set(id, `${id}Input`)
          changed = true
        }
      }
    }
    for (const root of this.#inputs) {
      eachObject(root, (object) => {
        const ref = object.$ref
        if (typeof ref !== 'string' || !ref.startsWith(componentPrefix)) return
        const name = renamed.get(ref.slice(componentPrefix.length))
        if (name !== undefined) object.$ref = componentPrefix + name
      })
    }
    const all = new Map(output)
    for (const [id, schema] of input) {
      const name = renamed.get(id) ?? id
      if (renamed.has(id) && output.has(name)) {
        throw configError('routekit/openapi', `the schema "${id}" reads differently as input, and "${name}" is already taken.`)
      }
      all.set(name, schema)
    }
    return Object.fromEntries([...all].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
  }

  #name(side: SchemaSide, id: string, schema: JsonSchema): void {
    if (!componentName.test(id)) {
      throw configError('routekit/openapi', `the schema id "${id}" cannot name an OpenAPI component; use letters, digits, ".", "-" and "_".`)
    }
    const existing = this.#named[side].get(id)
    if (existing !== undefined && this.#own.has(id) && JSON.stringify(existing) !== JSON.stringify(schema)) {
      throw configError('routekit/openapi', `"${id}" is the name of routekit's own problem+json schema; give your schema another id.`)
    }
    if (existing !== undefined && JSON.stringify(existing) !== JSON.stringify(schema)) {
      throw configError('routekit/openapi', `two different schemas are named "${id}"; give each its own id.`)
    }
    this.#named[side].set(id, schema)
  }

  /** Points `#/$defs/...` references at the shared components. */
  #relinked(schema: JsonSchema, side: SchemaSide): JsonSchema {
    eachObject(schema, (object) => {
      if (typeof object.$ref === 'string' && object.$ref.startsWith(defsPrefix)) {
        object.$ref = componentPrefix + object.$ref.slice(defsPrefix.length)
      }
    })
    if (side === 'input') this.#inputs.push(schema)
    return schema
  }

  #opaque(vendor: string): JsonSchema {
    return { description: `A ${vendor} schema that does not provide a JSON Schema.` }
  }
}
