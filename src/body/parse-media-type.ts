/** A Content-Type split as RFC 9110 §8.3.1 defines it. */
export interface MediaType {
  /** `type/subtype`, lower case. */
  essence: string
  /** Parameter values by lower-case name; quoted strings unquoted and unescaped. The first of a repeated name wins. */
  parameters: ReadonlyMap<string, string>
}

// RFC 9110 §5.6.2: a token.
const token = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/

/**
 * Parses a media type with its parameters, honouring quoted strings
 * (§5.6.4): `;` and `=` inside quotes belong to the value, and `\"` is an
 * escaped quote. Splitting at every `;` instead lets a quoted value smuggle
 * in a second, fake parameter (`name="a;charset=fake"`). `undefined` when
 * the header is not a media type at all.
 *
 * @example
 * ```ts
 * parseMediaType('application/json; name="a;b"; charset=UTF-8')
 * // { essence: 'application/json', parameters: Map { 'name' => 'a;b', 'charset' => 'UTF-8' } }
 * ```
 */
export function parseMediaType(header: string): MediaType | undefined {
  const semicolon = header.indexOf(';')
  const essence = (semicolon === -1 ? header : header.slice(0, semicolon)).trim().toLowerCase()
  const slash = essence.indexOf('/')
  if (slash <= 0 || !token.test(essence.slice(0, slash)) || !token.test(essence.slice(slash + 1))) return undefined
  const parameters = new Map<string, string>()
  let at = semicolon === -1 ? header.length : semicolon
  while (at < header.length) {
    at = skipSpace(header, at + 1) // past ';'
    if (header[at] === ';' || at >= header.length) continue // empty parameter: allowed
    const equals = header.indexOf('=', at)
    if (equals === -1) return undefined
    const name = header.slice(at, equals).toLowerCase()
    if (!token.test(name)) return undefined
    let value: string
    if (header[equals + 1] === '"') {
      const quoted = readQuoted(header, equals + 1)
      if (quoted === undefined) return undefined
      ;[value, at] = quoted
    } else {
      const end = header.indexOf(';', equals + 1)
      at = end === -1 ? header.length : end
      value = header.slice(equals + 1, at).trimEnd()
      if (!token.test(value)) return undefined
    }
    at = skipSpace(header, at)
    if (at < header.length && header[at] !== ';') return undefined
    if (!parameters.has(name)) parameters.set(name, value)
  }
  return { essence, parameters }
}

function skipSpace(text: string, at: number): number {
  while (text[at] === ' ' || text[at] === '\t') at++
  return at
}

/** The unescaped contents of the quoted string starting at `start`, and the index after its closing quote. */
function readQuoted(text: string, start: number): [string, number] | undefined {
  let value = ''
  for (let at = start + 1; at < text.length; at++) {
    const char = text[at]
    if (char === '"') return [value, at + 1]
    if (char === '\\') {
      at++
      if (at >= text.length) return undefined
    }
    value += text[at]
  }
  return undefined // unterminated
}
