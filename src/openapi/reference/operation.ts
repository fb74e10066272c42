import type { OpenApiDocument, OpenApiOperation, OpenApiParameter } from '../types.js'
import { anchor, escape, isObject, type Json, prose, resolve } from './html.js'
import { exampleJson } from './example.js'
import { responsesList } from './responses.js'
import { describeSchema, propertiesTable, schemaHtml } from './schema-table.js'
import { typeHtml } from './schema-type.js'

// One operation as a section: what it does, who may call it, what it takes
// (parameters and body, with an example) and what it answers.

/** How a security scheme authenticates, in a few words ("HTTP bearer (JWT)", "API key in cookie session"). */
function schemeWords(scheme: unknown): string {
  if (!isObject(scheme)) return ''
  if (scheme.type === 'http') return `HTTP ${escape(scheme.scheme ?? '')}${scheme.bearerFormat ? ` (${escape(scheme.bearerFormat)})` : ''}`
  if (scheme.type === 'apiKey') return `API key in ${escape(scheme.in)} <code>${escape(scheme.name)}</code>`
  if (scheme.type === 'oauth2') return 'OAuth 2'
  if (scheme.type === 'openIdConnect') return 'OpenID Connect'
  return escape(scheme.type ?? '')
}

/**
 * Who may call an operation: each alternative requirement in words, with
 * links to the schemes; an empty requirement means anyone.
 *
 * @example
 * ```ts
 * securityHtml(document, [{ bearerAuth: ['notes:write'] }]) // '<p><b>Authentication:</b> <a …>bearerAuth</a> …'
 * ```
 */
export function securityHtml(document: OpenApiDocument, security: unknown): string {
  if (!Array.isArray(security)) return ''
  const schemes = document.components.securitySchemes ?? {}
  const options = security.filter(isObject).map((requirement) => {
    const names = Object.entries(requirement).map(([name, scopes]) => {
      const scopeList = Array.isArray(scopes) && scopes.length > 0 ? ` with scope ${scopes.map((scope) => `<code>${escape(scope)}</code>`).join(', ')}` : ''
      const how = schemeWords(schemes[name])
      return `<a href="#${anchor('securitySchemes', name)}">${escape(name)}</a>${how ? ` (${how})` : ''}${scopeList}`
    })
    return names.length === 0 ? 'none' : names.join(' and ')
  })
  if (options.length === 0 || options.every((option) => option === 'none')) return '<p><b>Authentication:</b> none, public.</p>'
  return `<p><b>Authentication:</b> ${options.join(', or ')}.</p>`
}

function parametersTable(document: OpenApiDocument, parameters: unknown[]): string {
  const rows = parameters.map((value) => {
    const p = resolve(document, value) as OpenApiParameter
    const schema: Json = isObject(p.schema) ? p.schema : {}
    return (
      `<tr><td><code class="name">${escape(p.name)}</code>${p.required ? ' <span class="req">required</span>' : ''}</td>` +
      `<td>${escape(p.in)}</td><td class="t">${typeHtml(schema)}</td>` +
      `<td>${p.description ? prose(p.description) : ''}${describeSchema({ ...schema, description: undefined })}</td></tr>`
    )
  })
  const head = '<thead><tr><th scope="col">Name</th><th scope="col">In</th><th scope="col">Type</th><th scope="col">Description</th></tr></thead>'
  return `<table class="params">${head}<tbody>${rows.join('')}</tbody></table>`
}

/** The request body: its media types, the schema once (with a referenced object's fields shown here too) and an example. */
function requestBody(document: OpenApiDocument, body: OpenApiOperation['requestBody']): string {
  if (!body) return ''
  const content = Object.entries(body.content ?? {})
  const types = content.map(([type]) => `<code class="mt">${escape(type)}</code>`).join(', ')
  const schemas = [...new Set(content.map(([, media]) => JSON.stringify(media.schema ?? {})))].map((text) => JSON.parse(text) as Json)
  const parts = schemas.map((schema) => {
    const fields = schema.$ref !== undefined ? `<p>Schema: <span class="t">${typeHtml(schema)}</span></p>${propertiesTable(document, schema) ?? ''}` : schemaHtml(document, schema)
    const example = exampleJson(document, schema)
    return fields + (example === undefined ? '' : `<p class="ex">Example</p><pre>${escape(example)}</pre>`)
  })
  return `<h4>Request body</h4><p>${body.required ? '<span class="req">required</span> ' : ''}${types}</p>${parts.join('')}`
}

/**
 * An operation as a section of the page, under the id `id`.
 *
 * @example
 * ```ts
 * operationSection(document, '/api/notes', 'get', document.paths['/api/notes'].get, 'op-listNotes')
 * ```
 */
export function operationSection(document: OpenApiDocument, path: string, method: string, operation: OpenApiOperation, id: string): string {
  const parameters = Array.isArray(operation.parameters) ? operation.parameters : []
  return [
    `<section class="op${operation.deprecated ? ' deprecated' : ''}" id="${id}" aria-labelledby="${id}-h">`,
    `<h3 id="${id}-h"><span class="m m-${escape(method)}">${escape(method.toUpperCase())}</span> <code class="path">${escape(path)}</code></h3>`,
    operation.summary ? `<p class="summary">${escape(operation.summary)}</p>` : '',
    operation.deprecated ? '<p><span class="dep">Deprecated</span></p>' : '',
    prose(operation.description, 'text'),
    operation.operationId ? `<p class="c">Operation id <code>${escape(operation.operationId)}</code></p>` : '',
    securityHtml(document, operation.security ?? document.security),
    parameters.length > 0 ? `<h4>Parameters</h4>${parametersTable(document, parameters)}` : '',
    requestBody(document, operation.requestBody),
    `<h4>Responses</h4>${responsesList(document, operation.responses ?? {})}`,
    '</section>',
  ].join('')
}
