import { HttpError } from '../core/http-error.js'

function malformed(code: string, detail: string): HttpError {
  return HttpError.badRequest(detail, { code })
}

let strictUtf8: TextDecoder | undefined

/** Strict UTF-8: invalid bytes are an error, not silently replaced with U+FFFD. */
export function decodeUtf8(bytes: Uint8Array): string {
  try {
    // Stateless without `stream: true`, so one decoder serves every body.
    strictUtf8 ??= new TextDecoder('utf-8', { fatal: true })
    return strictUtf8.decode(bytes)
  } catch {
    throw malformed('invalid_utf8', 'The request body is not valid UTF-8.')
  }
}

/**
 * Refuses keys that poison prototypes when the value is later merged
 * (`__proto__`, `constructor.prototype`) and nesting deeper than `maxDepth`,
 * which would otherwise overflow the stack of a recursive schema (a 500).
 * Iterative, so the check itself cannot overflow.
 */
export function checkStructure(root: unknown, maxDepth: number): void {
  if (typeof root !== 'object' || root === null) return
  const stack: [unknown, number][] = [[root, 1]]
  while (stack.length > 0) {
    const [value, depth] = stack.pop()!
    if (depth > maxDepth) throw malformed('too_deep', `The request body nests deeper than ${maxDepth} levels.`)
    for (const key of Object.keys(value as object)) {
      const child = (value as Record<string, unknown>)[key]
      if (key === '__proto__' || (key === 'constructor' && typeof child === 'object' && child !== null && 'prototype' in child)) {
        throw malformed('forbidden_key', `The key "${key}" is not allowed in a request body.`)
      }
      if (typeof child === 'object' && child !== null) stack.push([child, depth + 1])
    }
  }
}

/**
 * Whether the text alone shows that the parsed value passes
 * {@link checkStructure}, so the walk over it can be skipped: no key can be
 * `__proto__` or `constructor` (spelling one with escapes needs a
 * backslash), and there are too few brackets, counted anywhere, to nest
 * deeper than `maxDepth`. Native searches, cheaper than walking the value.
 */
function passesByText(text: string, maxDepth: number): boolean {
  if (text.includes('__proto__') || text.includes('constructor') || text.includes('\\')) return false
  let brackets = 0
  for (const bracket of ['{', '[']) {
    for (let at = text.indexOf(bracket); at !== -1; at = text.indexOf(bracket, at + 1)) if (++brackets > maxDepth) return false
  }
  return true
}

/** Parses a JSON body: UTF-8 only, well-formed, no poisoned keys, bounded depth. */
export function parseJsonBody(bytes: Uint8Array, maxDepth: number): unknown {
  const text = decodeUtf8(bytes)
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    throw malformed('malformed_json', 'The request body is not well-formed JSON.')
  }
  if (!passesByText(text, maxDepth)) checkStructure(value, maxDepth)
  return value
}
