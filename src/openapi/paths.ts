import { configError } from '../core/options.js'

/** A documented path and the names of its dynamic segments, in order. */
export interface DocumentedPath {
  path: string
  params: { name: string; catchAll: boolean }[]
}

// The names OpenAPI templates accept; Next itself reads any name (`[note-id]`).
const nextSegment = /^\[(\.\.\.)?([A-Za-z_$][\w$-]*)\]$/
const templateSegment = /^\{([A-Za-z_$][\w$-]*)\}$/

/**
 * Reads a route key in either spelling, Next.js's file-system one
 * (`/api/notes/[id]`, `/api/files/[...path]`) or OpenAPI's template
 * (`/api/notes/{id}`), and returns the OpenAPI path. An optional catch-all
 * (`[[...slug]]`) also matches the path without it, which one OpenAPI path
 * cannot say: list both paths instead.
 */
export function documentedPath(key: string): DocumentedPath {
  if (!key.startsWith('/')) throw configError('routekit/openapi', `the path "${key}" must start with "/".`)
  const params: DocumentedPath['params'] = []
  const segments = key.split('/').map((segment) => {
    if (segment.startsWith('[[')) {
      throw configError('routekit/openapi', `"${key}" has an optional catch-all; list the path with and without it.`)
    }
    const next = nextSegment.exec(segment)
    const template = next ? undefined : templateSegment.exec(segment)
    const name = next?.[2] ?? template?.[1]
    if (name === undefined) {
      if (/[[\]{}]/.test(segment)) throw configError('routekit/openapi', `cannot read the segment "${segment}" of "${key}".`)
      return segment
    }
    if (params.some((param) => param.name === name)) throw configError('routekit/openapi', `"${key}" names "${name}" twice.`)
    params.push({ name, catchAll: next?.[1] !== undefined })
    return `{${name}}`
  })
  return { path: segments.join('/'), params }
}
