// The body formats by name, apart from the media-type parser: route specs
// check `accepts` when a route is defined, in the core, and must not pull
// the parser (loaded with the validation steps) into every route's bundle.
import { configError } from '../core/options.js'

/**
 * The body formats routekit parses by name.
 *
 * @example
 * ```ts
 * const upload = api.post({ accepts: ['json', 'form', 'multipart'], body: NewNote }, ({ body }) => created(notes.create(body)))
 * ```
 */
export type BodyFormat = 'json' | 'form' | 'multipart' | 'text' | 'bytes'

/**
 * A media type a route names itself, such as `application/xml`: `text/*`
 * arrives as a string, anything else as bytes.
 *
 * @example
 * ```ts
 * const xml: MediaTypeName = 'application/xml'
 * ```
 */
export type MediaTypeName = `${string}/${string}`

/**
 * One entry of a route's `accepts`: a format by name, or a media type.
 *
 * @example
 * ```ts
 * const accepts: BodyAccept[] = ['json', 'form', 'text', 'bytes', 'application/xml']
 * ```
 */
export type BodyAccept = BodyFormat | MediaTypeName

export const bodyFormats: readonly BodyFormat[] = ['json', 'form', 'multipart', 'text', 'bytes']

/** The media type each format is sent as. */
export const formatMediaTypes: Readonly<Record<BodyFormat, string>> = {
  json: 'application/json',
  form: 'application/x-www-form-urlencoded',
  multipart: 'multipart/form-data',
  text: 'text/plain',
  bytes: 'application/octet-stream',
}

/**
 * The media type an `accepts` entry stands for, lower case.
 *
 * @example
 * ```ts
 * acceptedMediaType('bytes') // 'application/octet-stream'
 * ```
 */
export function acceptedMediaType(accept: BodyAccept): string {
  return (formatMediaTypes as Record<string, string>)[accept] ?? accept.toLowerCase()
}

/**
 * What an accepted body becomes: a named media type is text when its type
 * is `text/`, else bytes.
 *
 * @example
 * ```ts
 * valueFormat('text/csv') // 'text'
 * valueFormat('image/png') // 'bytes'
 * ```
 */
export function valueFormat(accept: BodyAccept): BodyFormat {
  if (bodyFormats.includes(accept as BodyFormat)) return accept as BodyFormat
  return accept.toLowerCase().startsWith('text/') ? 'text' : 'bytes'
}

// RFC 9110 §8.3.1: `type/subtype`, both tokens, no parameters.
const mediaTypeName = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+\/[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/

/**
 * Checks a route's `accepts` when the route is defined. A media type that a
 * named format already covers is refused with that name, so one body is
 * never parsed two ways depending on how the route spelled it.
 *
 * @example
 * ```ts
 * checkAccepts('routekit: the POST route', ['json', 'application/xml'], true)
 * ```
 */
export function checkAccepts(where: string, accepts: unknown, hasBody: boolean): void {
  if (!Array.isArray(accepts) || accepts.length === 0) {
    throw configError(where, "`accepts` lists body formats: one or more of 'json', 'form', 'multipart', 'text', 'bytes', or media types such as 'application/xml'.")
  }
  for (const accept of accepts as unknown[]) {
    if (bodyFormats.includes(accept as BodyFormat)) continue
    if (typeof accept !== 'string' || !mediaTypeName.test(accept) || accept.includes('*')) {
      throw configError(where, `\`accepts\` has ${typeof accept === 'string' ? `"${accept}"` : 'an entry'} that is neither a body format ('json', 'form', 'multipart', 'text', 'bytes') nor a media type like 'application/xml'.`)
    }
    const lower = accept.toLowerCase()
    const named = bodyFormats.find((format) => formatMediaTypes[format] === lower)
    if (named !== undefined) throw configError(where, `\`accepts\` names ${accept}: write '${named}'.`)
    if (lower.endsWith('+json')) throw configError(where, `\`accepts\` names ${accept}: 'json' already takes every +json media type.`)
  }
  if (!hasBody) throw configError(where, '`accepts` needs a `body` schema; without one the body is never read.')
}
