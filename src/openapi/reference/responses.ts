import { statusPhrase } from '../../core/status.js'
import type { OpenApiDocument } from '../types.js'
import { escape, inline, isObject, type Json, prose, resolve } from './html.js'
import { describeSchema, propertiesTable } from './schema-table.js'
import { typeHtml } from './schema-type.js'

// An operation's responses as a reader needs them: the status and its
// phrase, why it happens, the headers, and the body's type. A response that
// is a reference (routekit's shared problems) is followed, so "404" says
// what a 404 is here instead of showing only a link.

const successPhrases: Record<string, string> = {
  '200': 'OK', '201': 'Created', '202': 'Accepted', '204': 'No Content', '206': 'Partial Content',
  '301': 'Moved Permanently', '302': 'Found', '303': 'See Other', '304': 'Not Modified', '307': 'Temporary Redirect', '308': 'Permanent Redirect',
}

/** "Not Found" for 404, "Client error" for 4XX, "Any other status" for default. */
function phraseOf(status: string): string {
  if (status === 'default') return 'Any other status'
  if (/^[1-5]XX$/i.test(status)) return `Any ${status[0]}xx status`
  const code = Number(status)
  return successPhrases[status] ?? (code >= 400 ? statusPhrase(code) : '')
}

/** A class for the status badge's colour: success, redirect, client or server error. */
function statusClass(status: string): string {
  return `s s${/^[1-5]/.test(status) ? status[0] : 'd'}`
}

/** Response headers as a table, each followed through its reference. */
function headersTable(document: OpenApiDocument, headers: unknown): string {
  if (!isObject(headers) || Object.keys(headers).length === 0) return ''
  const rows = Object.entries(headers).map(([name, value]) => {
    const header = resolve(document, value) as Json
    const schema = isObject(header.schema) ? header.schema : {}
    return `<tr><td><code class="name">${escape(name)}</code></td><td class="t">${typeHtml(schema)}</td><td>${header.description ? `<p>${inline(String(header.description))}</p>` : ''}${describeSchema({ ...schema, description: undefined })}</td></tr>`
  })
  return `<table><caption>Headers</caption><thead><tr><th scope="col">Header</th><th scope="col">Type</th><th scope="col">Description</th></tr></thead><tbody>${rows.join('')}</tbody></table>`
}

/** One media type of a response body: its type, said plainly for problem details. */
function bodyLine(document: OpenApiDocument, type: string, media: unknown): string {
  const schema = isObject(media) ? media.schema : undefined
  const problem = /^application\/problem\+(json|xml)$/i.test(type) ? ' <span class="c">(problem details, RFC 9457)</span>' : ''
  // An object written in place has no component to link to, so its fields are shown here.
  const inlineTable = isObject(schema) && isObject(schema.properties) ? propertiesTable(document, schema) : undefined
  const shape = inlineTable ?? (schema === undefined ? '' : `: <span class="t">${typeHtml(schema)}</span>`)
  return inlineTable
    ? `<p><code class="mt">${escape(type)}</code>${problem}</p>${inlineTable}`
    : `<p><code class="mt">${escape(type)}</code>${shape}${problem}</p>`
}

/**
 * One response, whatever its shape: its description, headers and body
 * types, with references followed.
 *
 * @example
 * ```ts
 * responseBody(document, { $ref: '#/components/responses/NotFound' })
 * ```
 */
export function responseBody(document: OpenApiDocument, value: unknown, phrase = ''): string {
  const response = resolve(document, value)
  if (!isObject(response)) return ''
  const content = isObject(response.content) ? Object.entries(response.content) : []
  const body = content.length === 0 ? '<p class="c">No body.</p>' : content.map(([type, media]) => bodyLine(document, type, media)).join('')
  // "OK" under "200 OK" says nothing twice.
  const description = response.description === phrase ? '' : prose(response.description)
  return description + body + headersTable(document, response.headers)
}

/**
 * An operation's responses as a list, one entry per status in the
 * document's order.
 *
 * @example
 * ```ts
 * responsesList(document, operation.responses)
 * ```
 */
export function responsesList(document: OpenApiDocument, responses: Record<string, unknown>): string {
  const items = Object.entries(responses).map(([status, response]) => {
    const phrase = phraseOf(status)
    return `<li><p class="rh"><span class="${statusClass(status)}">${escape(status)}</span> ${escape(phrase)}</p>${responseBody(document, response, phrase)}</li>`
  })
  return `<ul class="responses">${items.join('')}</ul>`
}
