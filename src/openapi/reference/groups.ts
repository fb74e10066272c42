import type { OpenApiDocument, OpenApiOperation } from '../types.js'
import { anchor } from './html.js'

// The page's outline: operations grouped by their first tag, in the order
// the document's `tags` list gives (then any other tags, then untagged
// ones), each with an id that is unique on the page.

const methods = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']

/** One operation and where it lives on the page. */
export interface PageOperation {
  path: string
  method: string
  operation: OpenApiOperation
  id: string
}

/** A tag's operations, under one heading. */
export interface OperationGroup {
  name: string
  description?: string
  id: string
  operations: PageOperation[]
}

/**
 * The document's operations in groups, ready for the table of contents and
 * the sections. Two operations with the same operationId (a mistake the
 * page should survive) still get different ids.
 *
 * @example
 * ```ts
 * operationGroups(document) // [{ name: 'notes', id: 'tag-notes', operations: [...] }, ...]
 * ```
 */
export function operationGroups(document: OpenApiDocument): OperationGroup[] {
  const used = new Set<string>()
  const unique = (id: string) => {
    let candidate = id
    for (let n = 2; used.has(candidate); n++) candidate = `${id}-${n}`
    used.add(candidate)
    return candidate
  }
  const groups = new Map<string, OperationGroup>()
  const group = (name: string, description?: string) => {
    let found = groups.get(name)
    if (!found) groups.set(name, (found = { name, description, id: unique(anchor('tag', name)), operations: [] }))
    return found
  }
  for (const tag of document.tags ?? []) group(tag.name, tag.description)
  const untagged: PageOperation[] = []
  for (const [path, item] of Object.entries(document.paths ?? {})) {
    for (const method of methods) {
      const operation = item[method]
      if (!operation) continue
      const entry = { path, method, operation, id: unique(anchor('op', operation.operationId ?? `${method}-${path}`)) }
      const tag = operation.tags?.[0]
      if (tag === undefined) untagged.push(entry)
      else group(tag).operations.push(entry)
    }
  }
  if (untagged.length > 0) group('Other operations').operations.push(...untagged)
  return [...groups.values()].filter((found) => found.operations.length > 0)
}
