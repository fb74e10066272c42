import type { OpenApiDocument } from '../types.js'
import { anchor, escape } from './html.js'
import type { OperationGroup } from './groups.js'

// The table of contents: every operation by method and path under its tag,
// then every component, so a reader can jump anywhere on a long page.

/** The component kinds the page shows, with their headings. */
export const componentKinds = [
  ['schemas', 'Schemas'],
  ['responses', 'Shared responses'],
  ['securitySchemes', 'Authentication'],
] as const

/**
 * The names of a kind of component, in the document's order.
 *
 * @example
 * ```ts
 * componentNames(document, 'schemas') // ['Note', 'Problem', ...]
 * ```
 */
export function componentNames(document: OpenApiDocument, kind: string): string[] {
  const entries = document.components?.[kind]
  return entries && typeof entries === 'object' ? Object.keys(entries) : []
}

/**
 * The `<nav>` with links to each group, operation and component.
 *
 * @example
 * ```ts
 * tableOfContents(document, operationGroups(document))
 * ```
 */
export function tableOfContents(document: OpenApiDocument, groups: OperationGroup[]): string {
  const operations = groups.map((group) => {
    const items = group.operations.map(
      ({ path, method, operation, id }) =>
        `<li><a href="#${id}"><span class="m m-${escape(method)}">${escape(method.toUpperCase())}</span><span class="path">${escape(path)}</span></a>` +
        `${operation.summary ? `<span class="c"> ${escape(operation.summary)}</span>` : ''}</li>`,
    )
    return `<li><a href="#${group.id}">${escape(group.name)}</a><ul>${items.join('')}</ul></li>`
  })
  const components = componentKinds.flatMap(([kind, heading]) => {
    const names = componentNames(document, kind)
    if (names.length === 0) return []
    const items = names.map((name) => `<li><a href="#${anchor(kind, name)}">${escape(name)}</a></li>`)
    return [`<li><a href="#${kind}">${heading}</a><ul>${items.join('')}</ul></li>`]
  })
  return `<nav aria-labelledby="toc"><h2 id="toc">Contents</h2><ul>${operations.join('')}${components.join('')}</ul></nav>`
}
