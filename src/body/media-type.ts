import { parseMediaType } from './parse-media-type.js'

import type { BodyFormat } from './formats.js'

export { type BodyFormat, bodyFormats, formatMediaTypes } from './formats.js'

/** What a Content-Type header says, or why it cannot be accepted (`refused: undefined`: a type routekit does not parse). */
export type MediaTypeVerdict = { format: BodyFormat } | { refused: string | undefined }

/**
 * Classifies a Content-Type, matching media type and parameters
 * case-insensitively (`Application/JSON; Charset=UTF-8` is JSON). JSON must
 * be UTF-8 (RFC 8259 §8.1): another declared charset is refused rather than
 * decoded wrongly.
 */
export function classifyMediaType(header: string | null): MediaTypeVerdict {
  if (header === null || header.trim() === '') return { refused: 'The request has a body but no Content-Type.' }
  const parsed = parseMediaType(header)
  if (parsed === undefined) return { refused: 'The Content-Type header is not a valid media type.' }
  const { essence, parameters } = parsed
  if (essence === 'application/json' || /^application\/[a-z0-9.+-]+\+json$/.test(essence)) {
    const charset = parameters.get('charset')?.toLowerCase()
    if (charset !== undefined && charset !== 'utf-8' && charset !== 'utf8') {
      return { refused: `JSON bodies must be UTF-8, not ${charset}.` }
    }
    return { format: 'json' }
  }
  if (essence === 'application/x-www-form-urlencoded') return { format: 'form' }
  if (essence === 'multipart/form-data') return { format: 'multipart' }
  // The refused type is not echoed: the caller names what the route accepts instead.
  return { refused: undefined }
}
