import { describe, expect, it } from 'vitest'
import type { OpenApiDocument } from '../../src/openapi/index.js'
import { exampleOf } from '../../src/openapi/reference/example.js'
import { referenceHtml } from '../../src/openapi/reference/page.js'
import { constraints, typeHtml } from '../../src/openapi/reference/schema-type.js'

const document = (schemas: Record<string, Record<string, unknown>>): OpenApiDocument => ({
  openapi: '3.1.1',
  info: { title: 't', version: '1' },
  paths: {},
  components: { schemas, responses: {} },
})

describe('the reference page’s schema words', () => {
  it('names types plainly: unions, arrays, maps, formats, constants, references', () => {
    expect(typeHtml({ type: ['string', 'null'] })).toBe('string or null')
    expect(typeHtml({ type: 'array', items: { type: 'integer' } })).toBe('array of integer')
    expect(typeHtml({ type: 'object', additionalProperties: { type: 'number' } })).toBe('map of number')
    expect(typeHtml({ type: 'string', format: 'date-time' })).toBe('string (date-time)')
    expect(typeHtml({ const: 'a' })).toBe('string <code>&quot;a&quot;</code>')
    expect(typeHtml({ oneOf: [{ $ref: '#/components/schemas/A' }, { type: 'boolean' }] })).toBe('<a href="#schemas-A"><code>A</code></a> or boolean')
    // A reference outside the document is shown, never followed.
    expect(typeHtml({ $ref: 'https://example.com/s.json' })).toBe('<code>https://example.com/s.json</code>')
    expect(typeHtml({})).toBe('any')
  })

  it('says constraints in words and leaves out the safe-integer limits', () => {
    expect(constraints({ type: 'integer', minimum: -9007199254740991, maximum: 9007199254740991 })).toEqual([])
    expect(constraints({ type: 'integer', exclusiveMinimum: 0, maximum: 10 })).toEqual(['≤ 10', '&gt; 0'])
    expect(constraints({ type: 'string', minLength: 2, maxLength: 2 })).toEqual(['exactly 2 characters'])
    expect(constraints({ type: 'array', minItems: 1, uniqueItems: true })).toEqual(['at least 1 item', 'unique items'])
    expect(constraints({ enum: ['a', 'b'], default: 'a' })).toEqual(['one of <code>&quot;a&quot;</code>, <code>&quot;b&quot;</code>', 'default <code>&quot;a&quot;</code>'])
    expect(constraints({ pattern: '^<x>$' })).toEqual(['matches <code>^&lt;x&gt;$</code>'])
  })

  it('makes examples that fit the schema, and survives a reference cycle', () => {
    const doc = document({
      Tree: { type: 'object', properties: { name: { type: 'string', minLength: 8 }, children: { type: 'array', items: { $ref: '#/components/schemas/Tree' } } } },
    })
    const tree = exampleOf(doc, { $ref: '#/components/schemas/Tree' }) as { name: string; children: unknown[] }
    expect(tree.name).toBe('stringxx')
    expect(tree.children).toHaveLength(1)
    expect(exampleOf(doc, { type: 'integer', exclusiveMinimum: 0 })).toBe(1)
    expect(exampleOf(doc, { type: 'integer', minimum: 5, maximum: 3 })).toBe(3)
    expect(exampleOf(doc, { type: 'string', format: 'email' })).toBe('user@example.com')
    expect(exampleOf(doc, { type: 'string', examples: ['given'] })).toBe('given')
    expect(exampleOf(doc, { allOf: [{ type: 'object', properties: { a: { const: 1 } } }, { type: 'object', properties: { b: { type: 'boolean' } } }] })).toEqual({ a: 1, b: true })
    // The page renders the cyclic schema without hanging.
    expect(referenceHtml(doc)).toContain('<code class="name">children</code>')
  })
})
