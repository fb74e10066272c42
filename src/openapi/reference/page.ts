import type { OpenApiDocument } from '../types.js'
import { componentsHtml } from './components.js'
import { operationGroups } from './groups.js'
import { escape, prose } from './html.js'
import { operationSection } from './operation.js'
import { referenceStyle } from './style.js'
import { tableOfContents } from './toc.js'

// The whole page: a header, the table of contents, the operations by tag,
// then the components. Plain HTML and one inline style; no script.

export { referenceStyle }

function headerHtml(document: OpenApiDocument): string {
  const { info } = document
  const servers = document.servers?.length
    ? ` · Server${document.servers.length > 1 ? 's' : ''}: ${document.servers.map((server) => `<code>${escape(server.url)}</code>`).join(', ')}`
    : ''
  return [
    '<header>',
    `<h1>${escape(info.title)} <small>${escape(info.version)}</small></h1>`,
    prose(info.description, 'text'),
    `<p class="c">OpenAPI ${escape(document.openapi)}${servers}</p>`,
    '</header>',
  ].join('')
}

/**
 * The reference page for a document, as one HTML string.
 *
 * @example
 * ```ts
 * new Response(referenceHtml(document), { headers: { 'content-type': 'text/html; charset=utf-8' } })
 * ```
 */
export function referenceHtml(document: OpenApiDocument): string {
  const groups = operationGroups(document)
  const operations = groups.map(
    (group) =>
      `<h2 id="${group.id}">${escape(group.name)}</h2>${prose(group.description)}` +
      group.operations.map(({ path, method, operation, id }) => operationSection(document, path, method, operation, id)).join(''),
  )
  return [
    '<!doctype html><html lang="en"><head><meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1"><meta name="color-scheme" content="light dark">',
    `<title>${escape(document.info.title)}</title><style>${referenceStyle}</style></head>`,
    '<body><div class="wrap"><a class="skip" href="#main">Skip to the operations</a>',
    headerHtml(document),
    `<div class="layout">${tableOfContents(document, groups)}<main id="main">`,
    ...operations,
    componentsHtml(document),
    '</main></div></div></body></html>',
  ].join('')
}
