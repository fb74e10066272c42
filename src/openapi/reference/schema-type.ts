import { escape, isObject, refLink } from './html.js'

// A schema in a few words, as a reader scans a table: "array of Note",
// "string (date-time)", "Problem with status 404". The constraints (limits,
// allowed values, defaults) go beside it in words, never as raw JSON.

const safeInteger = Number.MAX_SAFE_INTEGER

/** A JSON value as code, for constants, defaults and examples. */
function literal(value: unknown): string {
  return `<code>${escape(JSON.stringify(value))}</code>`
}

/** The parts of an `allOf` that only pin properties to constants, in words ("with status 404"). */
function pinned(part: Record<string, unknown>): string | undefined {
  const properties = isObject(part.properties) ? Object.entries(part.properties) : []
  if (part.$ref !== undefined || properties.length === 0) return undefined
  const pins = properties.map(([name, schema]) => (isObject(schema) && 'const' in schema ? `<code>${escape(name)}</code> ${literal(schema.const)}` : undefined))
  return pins.every((pin) => pin !== undefined) ? `with ${pins.join(', ')}` : undefined
}

/**
 * A schema's type in a few words of HTML: component references become links,
 * arrays say what they hold, unions are joined by "or".
 *
 * @example
 * ```ts
 * typeHtml({ type: 'array', items: { $ref: '#/components/schemas/Note' } }) // 'array of <a href="#schemas-Note">…</a>'
 * ```
 */
export function typeHtml(schema: unknown, depth = 0): string {
  if (schema === true || (isObject(schema) && Object.keys(schema).length === 0)) return 'any'
  if (schema === false) return 'nothing'
  if (!isObject(schema) || depth > 6) return 'any'
  if (typeof schema.$ref === 'string') return refLink(schema.$ref)
  if ('const' in schema) return `${typeof schema.const === 'string' ? 'string' : 'value'} ${literal(schema.const)}`
  if (Array.isArray(schema.allOf)) {
    const parts = schema.allOf.map((part) => (isObject(part) ? pinned(part) ?? typeHtml(part, depth + 1) : 'any'))
    return parts.join(parts.some((part) => part.startsWith('with ')) ? ' ' : ' and ')
  }
  const union = Array.isArray(schema.oneOf) ? schema.oneOf : Array.isArray(schema.anyOf) ? schema.anyOf : undefined
  if (union) return union.map((part) => typeHtml(part, depth + 1)).join(' or ')
  const types = Array.isArray(schema.type) ? (schema.type as unknown[]) : schema.type === undefined ? [] : [schema.type]
  const named = types.map((type) => {
    if (type === 'array') return schema.items === undefined ? 'array' : `array of ${typeHtml(schema.items, depth + 1)}`
    if (type === 'object' && isObject(schema.additionalProperties) && schema.properties === undefined) {
      return `map of ${typeHtml(schema.additionalProperties, depth + 1)}`
    }
    return escape(type)
  })
  if (named.length === 0) return schema.properties !== undefined ? 'object' : 'any'
  const format = typeof schema.format === 'string' ? ` (${escape(schema.format)})` : ''
  return named.join(' or ') + format
}

/** "1 to 500", "at least 1", "at most 5": the words for a pair of bounds. */
function range(min: number | undefined, max: number | undefined, one: string, many = `${one}s`): string | undefined {
  const of = (n: number) => `${n} ${n === 1 ? one : many}`
  if (min !== undefined && max !== undefined) return min === max ? `exactly ${of(min)}` : `${min} to ${of(max)}`
  if (min !== undefined) return `at least ${of(min)}`
  if (max !== undefined) return `at most ${of(max)}`
  return undefined
}

/** Number bounds, leaving out the safe-integer limits zod writes for every `int()`: they say nothing to a reader. */
function bounds(schema: Record<string, unknown>): string[] {
  const number = (key: string) => (typeof schema[key] === 'number' && Math.abs(schema[key]) !== safeInteger ? schema[key] : undefined)
  const [min, max, above, below] = [number('minimum'), number('maximum'), number('exclusiveMinimum'), number('exclusiveMaximum')]
  const words: string[] = []
  if (min !== undefined && max !== undefined) words.push(`${min} to ${max}`)
  else if (min !== undefined) words.push(`≥ ${min}`)
  else if (max !== undefined) words.push(`≤ ${max}`)
  if (above !== undefined) words.push(`&gt; ${above}`)
  if (below !== undefined) words.push(`&lt; ${below}`)
  if (typeof schema.multipleOf === 'number') words.push(`multiple of ${schema.multipleOf}`)
  return words
}

/**
 * What a schema allows beyond its type, in words: lengths, bounds, allowed
 * values, pattern, default and examples. Empty when it says nothing more.
 *
 * @example
 * ```ts
 * constraints({ type: 'string', minLength: 1, maxLength: 500 }) // ['1 to 500 characters']
 * ```
 */
export function constraints(schema: unknown): string[] {
  if (!isObject(schema)) return []
  const count = (key: string) => (typeof schema[key] === 'number' ? (schema[key] as number) : undefined)
  const words = [
    range(count('minLength'), count('maxLength'), 'character'),
    ...bounds(schema),
    range(count('minItems'), count('maxItems'), 'item'),
    schema.uniqueItems === true ? 'unique items' : undefined,
    range(count('minProperties'), count('maxProperties'), 'property', 'properties'),
    typeof schema.pattern === 'string' ? `matches <code>${escape(schema.pattern)}</code>` : undefined,
    Array.isArray(schema.enum) ? `one of ${schema.enum.map(literal).join(', ')}` : undefined,
    'default' in schema ? `default ${literal(schema.default)}` : undefined,
    schema.readOnly === true ? 'read-only' : undefined,
    schema.writeOnly === true ? 'write-only' : undefined,
    schema.deprecated === true ? 'deprecated' : undefined,
  ]
  const examples = Array.isArray(schema.examples) ? schema.examples : 'example' in schema ? [schema.example] : []
  if (examples.length > 0) words.push(`example ${examples.map(literal).join(', ')}`)
  return words.filter((word): word is string => typeof word === 'string')
}
