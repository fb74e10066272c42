import type { OpenApiDocument } from '../types.js'
import { escape, inline, isObject, type Json, resolve } from './html.js'
import { constraints, typeHtml } from './schema-type.js'

// An object schema as a table a reader can scan: one row per property, its
// type, whether it is required, and what it allows. Inline nested objects
// get their own rows (`author.name`, `items[].id`); named ones are links.

interface Row {
  name: string
  required: boolean
  schema: Json
}

/** An object's properties and required names, with those of its `allOf` parts merged in. */
function objectParts(document: OpenApiDocument, schema: unknown, depth = 0): { properties: [string, Json][]; required: Set<string> } {
  const target = resolve(document, schema)
  const properties: [string, Json][] = []
  const required = new Set<string>()
  if (!isObject(target) || depth > 4) return { properties, required }
  for (const [name, property] of Object.entries(isObject(target.properties) ? target.properties : {})) {
    if (isObject(property)) properties.push([name, property])
  }
  for (const name of Array.isArray(target.required) ? target.required : []) required.add(String(name))
  for (const part of Array.isArray(target.allOf) ? target.allOf : []) {
    const merged = objectParts(document, part, depth + 1)
    for (const entry of merged.properties) if (!properties.some(([name]) => name === entry[0])) properties.push(entry)
    for (const name of merged.required) required.add(name)
  }
  return { properties, required }
}

/** Whether a schema is an object with properties written in place (not a reference), so its rows are shown here. */
function inlineObject(schema: Json): boolean {
  return schema.$ref === undefined && isObject(schema.properties)
}

function rowsOf(document: OpenApiDocument, schema: unknown, prefix: string, depth: number): Row[] {
  const { properties, required } = objectParts(document, schema)
  return properties.flatMap(([name, property]) => {
    const row: Row = { name: prefix + name, required: required.has(name), schema: property }
    if (depth >= 3) return [row]
    if (inlineObject(property)) return [row, ...rowsOf(document, property, `${row.name}.`, depth + 1)]
    if (isObject(property.items) && inlineObject(property.items)) return [row, ...rowsOf(document, property.items, `${row.name}[].`, depth + 1)]
    return [row]
  })
}

/**
 * A cell's description: the schema's own words, then its constraints.
 *
 * @example
 * ```ts
 * describeSchema({ type: 'string', description: 'A tag.', maxLength: 20 }) // '<p>A tag.</p><p class="c">at most 20 characters</p>'
 * ```
 */
export function describeSchema(schema: unknown): string {
  if (!isObject(schema)) return ''
  const words = typeof schema.description === 'string' ? `<p>${inline(schema.description)}</p>` : ''
  const limits = constraints(schema)
  return words + (limits.length > 0 ? `<p class="c">${limits.join('; ')}</p>` : '')
}

/**
 * The properties of an object schema as a table (Name, Type, Description),
 * required ones marked in words, or undefined when it has no properties.
 *
 * @example
 * ```ts
 * propertiesTable(document, document.components.schemas.Note)
 * ```
 */
export function propertiesTable(document: OpenApiDocument, schema: unknown, caption?: string): string | undefined {
  const rows = rowsOf(document, schema, '', 0)
  if (rows.length === 0) return undefined
  const body = rows.map(
    (row) =>
      `<tr><td><code class="name">${escape(row.name)}</code>${row.required ? ' <span class="req">required</span>' : ''}</td>` +
      `<td class="t">${typeHtml(row.schema)}</td><td>${describeSchema(row.schema)}</td></tr>`,
  )
  const head = '<thead><tr><th scope="col">Name</th><th scope="col">Type</th><th scope="col">Description</th></tr></thead>'
  return `<table>${caption ? `<caption>${escape(caption)}</caption>` : ''}${head}<tbody>${body.join('')}</tbody></table>`
}

/**
 * Any schema for a reader: an object's table (with a note when no other
 * properties are allowed), or its type and constraints in one line.
 *
 * @example
 * ```ts
 * schemaHtml(document, { type: 'array', items: { $ref: '#/components/schemas/Note' } }) // '<p>array of …</p>'
 * ```
 */
export function schemaHtml(document: OpenApiDocument, schema: unknown, caption?: string): string {
  const table = isObject(schema) && schema.$ref === undefined ? propertiesTable(document, schema, caption) : undefined
  if (table === undefined) return `<p><span class="t">${typeHtml(schema)}</span></p>${describeSchema(schema)}`
  const closed = isObject(schema) && schema.additionalProperties === false ? '<p class="c">No other properties are allowed.</p>' : ''
  const words = isObject(schema) && typeof schema.description === 'string' ? `<p>${inline(schema.description)}</p>` : ''
  return words + table + closed
}
