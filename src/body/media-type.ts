import { parseMediaType } from './parse-media-type.js'

import { acceptedMediaType, type BodyAccept, type BodyFormat, valueFormat } from './formats.js'

export { type BodyFormat, bodyFormats, formatMediaTypes } from './formats.js'

const json: MediaTypeVerdict = Object.freeze({ format: 'json' })

/** What a Content-Type header says for a route: the format its body is parsed as, or why it is refused. */
export type MediaTypeVerdict = { format: BodyFormat } | { refused: string }

/** "Send application/json or application/x-www-form-urlencoded." */
function sendDetail(accepts: readonly BodyAccept[]): string {
  const types = accepts.map(acceptedMediaType)
  return `Send ${types.length === 1 ? types[0] : `${types.slice(0, -1).join(', ')} or ${types.at(-1)}`}.`
}

/** Whether an `accepts` entry takes a media type (`type/subtype`, lower case). */
function takes(accept: BodyAccept, essence: string): boolean {
  if (accept === 'json') return essence === 'application/json' || /^application\/[a-z0-9.+-]+\+json$/.test(essence)
  return acceptedMediaType(accept) === essence
}

/**
 * Classifies a Content-Type against what a route accepts, matching media
 * type and parameters case-insensitively (`Application/JSON; Charset=UTF-8`
 * is JSON). JSON must be UTF-8 (RFC 8259 §8.1) and so must text: another
 * declared charset is refused rather than decoded wrongly. A refused type
 * is not echoed: the detail names what the route accepts instead.
 *
 * @example
 * ```ts
 * classifyMediaType('text/plain; charset=UTF-8', ['json', 'text']) // { format: 'text' }
 * classifyMediaType('text/html', ['json']) // { refused: 'Send application/json.' }
 * ```
 */
export function classifyMediaType(header: string | null, accepts: readonly BodyAccept[]): MediaTypeVerdict {
  // The header nearly every JSON client sends, which only 'json' can take
  // (`accepts` refuses media types that name a format): no parse needed.
  if (header === 'application/json' && accepts.includes('json')) return json
  if (header === null || header.trim() === '') return { refused: 'The request has a body but no Content-Type.' }
  const parsed = parseMediaType(header)
  if (parsed === undefined) return { refused: 'The Content-Type header is not a valid media type.' }
  const { essence, parameters } = parsed
  const accept = accepts.find((candidate) => takes(candidate, essence))
  if (accept === undefined) return { refused: sendDetail(accepts) }
  const format = valueFormat(accept)
  if (format === 'json' || format === 'text') {
    const charset = parameters.get('charset')?.toLowerCase()
    // US-ASCII is a subset of UTF-8; text clients often declare it.
    const fine = charset === undefined || charset === 'utf-8' || charset === 'utf8' || (format === 'text' && charset === 'us-ascii')
    if (!fine) return { refused: `${format === 'json' ? 'JSON' : 'Text'} bodies must be UTF-8, not ${charset}.` }
  }
  return { format }
}
