/** Names for `Vary`, with the header value they make joined once, at creation. */
export interface VaryList {
  readonly names: readonly string[]
  readonly value: string
}

/** @example varyList(['Origin']) // { names: ['Origin'], value: 'Origin' } */
export function varyList(names: readonly string[]): VaryList {
  return { names, value: names.join(', ') }
}

/**
 * Adds names to `Vary` without dropping what the handler put there, so a
 * cache keeps apart answers that differ by Origin as well as by, say,
 * Accept-Encoding. Names already listed (in any case) are not repeated, and
 * `Vary: *` already says everything.
 */
export function addVary(headers: Headers, vary: VaryList): void {
  const { names, value } = vary
  if (names.length === 0) return
  const current = headers.get('vary')
  if (current === null || current.trim() === '') {
    headers.set('vary', value)
    return
  }
  const listed = new Set(current.split(',').map((name) => name.trim().toLowerCase()))
  if (listed.has('*')) return
  const missing = names.filter((name) => !listed.has(name.toLowerCase()))
  if (missing.length > 0) headers.set('vary', `${current}, ${missing.join(', ')}`)
}
