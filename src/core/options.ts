/**
 * A configuration mistake, thrown when a factory is called: the one way
 * routekit builds them, so every message starts with the entry it came from.
 *
 * @example
 * ```ts
 * throw configError('routekit/jwt', '`algorithms` is required.')
 * // TypeError: routekit/jwt: `algorithms` is required.
 * ```
 */
export function configError(where: string, message: string): TypeError {
  return new TypeError(`${where}: ${message}`)
}

/**
 * Refuses option names a factory does not know, when it is called. An
 * option that is silently dropped is worse than a crash: a misspelt
 * `audiance` turns the audience check off and every token passes. Shared by
 * every factory so each refuses the same way, naming the option and the
 * closest known name.
 *
 * @example
 * ```ts
 * checkOptionNames('routekit/jwt', options, ['secret', 'algorithms', 'audience'])
 * // TypeError: routekit/jwt: unknown option `audiance` (did you mean `audience`?).
 * ```
 */
export function checkOptionNames(
  where: string,
  options: unknown,
  known: readonly string[],
  hints: Readonly<Record<string, string>> = {},
): void {
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw configError(where, `pass an options object (got ${describeValue(options)}).`)
  }
  for (const name of Object.keys(options)) {
    if (known.includes(name)) continue
    const hint = hints[name] ?? closest(name, known)
    throw configError(where, `unknown option \`${name}\`${hint ? ` (${hint})` : ''}.`)
  }
}

/**
 * The option names of an options interface, listed as an object so the
 * compiler insists on every one: an option added to the interface but not
 * here is a compile error, not an option that is always refused.
 *
 * @example
 * ```ts
 * const known = optionNames<CorsOptions>({ origin: true, credentials: true, allowedHeaders: true, exposedHeaders: true, maxAge: true })
 * ```
 */
export function optionNames<T>(names: { [K in keyof Required<T>]: true }): readonly string[] {
  return Object.keys(names)
}

/** What a value is, for messages: the type, never the value (it may be a secret). */
export function describeValue(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'an array'
  if (typeof value === 'function') return 'a function'
  if (typeof value === 'object') {
    const name = Object.getPrototypeOf(value)?.constructor?.name
    return name && name !== 'Object' ? `a ${name}` : 'an object'
  }
  return typeof value === 'undefined' ? 'undefined' : `a ${typeof value}`
}

function closest(name: string, known: readonly string[]): string | undefined {
  let best: string | undefined
  let bestDistance = Math.max(2, Math.floor(name.length / 4)) + 1
  for (const candidate of known) {
    const distance = editDistance(name.toLowerCase(), candidate.toLowerCase())
    if (distance < bestDistance) [best, bestDistance] = [candidate, distance]
  }
  return best === undefined ? undefined : `did you mean \`${best}\`?`
}

/** Levenshtein distance; option names are short, so the quadratic table is fine. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index)
  for (let i = 1; i <= a.length; i++) {
    const row = [i]
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1))
    }
    previous = row
  }
  return previous[b.length]!
}
