import type { OpenApiDocument } from '../types.js'
import { anchor, escape, isObject, prose } from './html.js'
import { exampleJson } from './example.js'
import { responseBody } from './responses.js'
import { schemaHtml } from './schema-table.js'
import { componentKinds, componentNames } from './toc.js'

// The document's components, each a short section that links land on:
// schemas as tables with an example, shared responses in words, and how
// each security scheme authenticates.

function schemaSection(document: OpenApiDocument, schema: unknown): string {
  const example = exampleJson(document, schema)
  return schemaHtml(document, schema) + (example === undefined ? '' : `<p class="ex">Example</p><pre>${escape(example)}</pre>`)
}

function schemeSection(scheme: unknown): string {
  if (!isObject(scheme)) return ''
  const facts: [string, unknown][] = [
    ['Type', scheme.type],
    ['Scheme', scheme.scheme],
    ['Token format', scheme.bearerFormat],
    ['Sent in', scheme.in],
    ['Name', scheme.name],
    ['Discovery', scheme.openIdConnectUrl],
  ]
  const rows = facts.filter(([, value]) => typeof value === 'string').map(([label, value]) => `<tr><th scope="row">${label}</th><td><code>${escape(value)}</code></td></tr>`)
  return prose(scheme.description) + (rows.length > 0 ? `<table class="facts"><tbody>${rows.join('')}</tbody></table>` : '')
}

/**
 * Every component kind the page shows, one `<h2>` each, one section per
 * component under the id links use (`schemas-Note`).
 *
 * @example
 * ```ts
 * componentsHtml(document)
 * ```
 */
export function componentsHtml(document: OpenApiDocument): string {
  return componentKinds
    .map(([kind, heading]) => {
      const names = componentNames(document, kind)
      if (names.length === 0) return ''
      const entries = document.components[kind] as Record<string, unknown>
      const sections = names.map((name) => {
        const id = anchor(kind, name)
        const value = entries[name]
        const body = kind === 'schemas' ? schemaSection(document, value) : kind === 'responses' ? responseBody(document, value) : schemeSection(value)
        return `<section class="component" id="${id}" aria-labelledby="${id}-h"><h3 id="${id}-h"><code>${escape(name)}</code></h3>${body}</section>`
      })
      return `<h2 id="${kind}">${heading}</h2>${sections.join('')}`
    })
    .join('')
}
