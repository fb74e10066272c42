import type { OpenApiDocument } from '../types.js'

// Small pieces every part of the reference page shares: escaping, anchors
// and following the document's own `$ref`s.

/** A JSON value as the page sees it before knowing its shape. */
export type Json = Record<string, unknown>

/**
 * Text for an element's content or a double-quoted attribute: everything
 * on the page comes from the document, which may say anything.
 *
 * @example
 * ```ts
 * escape('<b> & "c"') // '&lt;b&gt; &amp; &quot;c&quot;'
 * ```
 */
export function escape(value: unknown): string {
  return String(value).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!)
}

/**
 * An element id for a component or an operation, from characters that need
 * no escaping in an attribute or a URL fragment.
 *
 * @example
 * ```ts
 * anchor('schemas', 'Note') // 'schemas-Note'
 * ```
 */
export function anchor(kind: string, name: string): string {
  return `${kind}-${name.replace(/[^A-Za-z0-9_.-]/g, (c) => `_${c.charCodeAt(0).toString(16)}`)}`
}

/**
 * The component a local `$ref` points to, such as `#/components/schemas/Note`,
 * or undefined for any other reference (those are shown, never followed).
 *
 * @example
 * ```ts
 * componentOf('#/components/schemas/Note') // { kind: 'schemas', name: 'Note' }
 * ```
 */
export function componentOf(ref: unknown): { kind: string; name: string } | undefined {
  if (typeof ref !== 'string') return undefined
  const match = /^#\/components\/([^/]+)\/([^/]+)$/.exec(ref)
  if (!match) return undefined
  const unescape = (part: string) => decodeURIComponent(part).replace(/~1/g, '/').replace(/~0/g, '~')
  return { kind: unescape(match[1]!), name: unescape(match[2]!) }
}

/**
 * A link to the component a `$ref` names, with the component's name as its
 * text; a reference elsewhere is shown as code.
 *
 * @example
 * ```ts
 * refLink('#/components/schemas/Note') // '<a href="#schemas-Note"><code>Note</code></a>'
 * ```
 */
export function refLink(ref: string): string {
  const target = componentOf(ref)
  if (!target) return `<code>${escape(ref)}</code>`
  return `<a href="#${anchor(target.kind, target.name)}"><code>${escape(target.name)}</code></a>`
}

/**
 * What a value is once its local `$ref` is followed (at most a few hops,
 * so a reference cycle cannot hang the page); anything else as it is.
 *
 * @example
 * ```ts
 * resolve(document, { $ref: '#/components/responses/NotFound' }) // the response object
 * ```
 */
export function resolve(document: OpenApiDocument, value: unknown): unknown {
  let current = value
  for (let hops = 0; hops < 8; hops++) {
    const target = componentOf(isObject(current) ? current.$ref : undefined)
    if (!target) return current
    const next = (document.components[target.kind] as Record<string, unknown> | undefined)?.[target.name]
    if (next === undefined) return current
    current = next
  }
  return current
}

/**
 * Whether a value is a plain object (a schema, a response, ...), not an array.
 *
 * @example
 * ```ts
 * isObject({}) // true; isObject([]) // false
 * ```
 */
export function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/**
 * Text from the document shown as paragraphs: blank lines split it, and
 * `code` spans (as the document's descriptions use them) become code.
 *
 * @example
 * ```ts
 * prose('Use `limit`.') // '<p>Use <code>limit</code>.</p>'
 * ```
 */
export function prose(text: unknown, className = ''): string {
  if (typeof text !== 'string' || text.trim() === '') return ''
  const attribute = className ? ` class="${className}"` : ''
  return text
    .split(/\n\s*\n/)
    .map((paragraph) => `<p${attribute}>${inline(paragraph.trim())}</p>`)
    .join('')
}

/**
 * One line of the document's text with its `code` spans as code.
 *
 * @example
 * ```ts
 * inline('a `b`') // 'a <code>b</code>'
 * ```
 */
export function inline(text: string): string {
  return escape(text).replace(/`([^`]+)`/g, '<code>$1</code>')
}
