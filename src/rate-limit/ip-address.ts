/**
 * One spelling per address, so a client cannot get a fresh quota by writing
 * its address differently: IPv6 in RFC 5952 form (lower case, leading zeros
 * dropped, the longest run of zero groups as `::`), and an IPv4-mapped IPv6
 * address (`::ffff:192.0.2.1`, what a dual-stack socket reports) as the
 * IPv4 address it is. `undefined` for anything that is not an address.
 *
 * @example
 * ```ts
 * canonicalIp('2001:DB8:0:0:0:0:0:1') // '2001:db8::1'
 * canonicalIp('::ffff:192.0.2.1')     // '192.0.2.1'
 * ```
 */
export function canonicalIp(text: string): string | undefined {
  if (!text.includes(':')) return ipv4Bytes(text)?.join('.')
  const groups = ipv6Groups(text)
  if (groups === undefined) return undefined
  const mapped = groups.slice(0, 5).every((group) => group === 0) && groups[5] === 0xffff
  if (mapped) return [groups[6]! >> 8, groups[6]! & 255, groups[7]! >> 8, groups[7]! & 255].join('.')
  return compress(groups)
}

function ipv4Bytes(text: string): number[] | undefined {
  const parts = text.split('.')
  if (parts.length !== 4) return undefined
  const bytes = parts.map((part) => (/^\d{1,3}$/.test(part) ? Number(part) : NaN))
  return bytes.every((byte) => byte <= 255) ? bytes : undefined
}

/** The eight 16-bit groups of an IPv6 address, an embedded IPv4 tail included. */
function ipv6Groups(text: string): number[] | undefined {
  const halves = text.split('::')
  if (halves.length > 2) return undefined
  const parse = (half: string): number[] | undefined => {
    if (half === '') return []
    const groups: number[] = []
    const parts = half.split(':')
    for (const [index, part] of parts.entries()) {
      if (index === parts.length - 1 && part.includes('.')) {
        const bytes = ipv4Bytes(part)
        if (bytes === undefined) return undefined
        groups.push((bytes[0]! << 8) | bytes[1]!, (bytes[2]! << 8) | bytes[3]!)
      } else if (/^[0-9a-f]{1,4}$/i.test(part)) {
        groups.push(parseInt(part, 16))
      } else {
        return undefined
      }
    }
    return groups
  }
  const head = parse(halves[0]!)
  const tail = halves.length === 2 ? parse(halves[1]!) : []
  if (head === undefined || tail === undefined) return undefined
  const missing = 8 - head.length - tail.length
  if (halves.length === 1 ? missing !== 0 : missing < 1) return undefined
  return [...head, ...Array<number>(missing).fill(0), ...tail]
}

/** RFC 5952 §4: the longest run of two or more zero groups (the first if tied) becomes `::`. */
function compress(groups: number[]): string {
  let best = { start: -1, length: 1 }
  for (let start = 0; start < 8; start++) {
    let length = 0
    while (start + length < 8 && groups[start + length] === 0) length++
    if (length > best.length) best = { start, length }
  }
  const hex = groups.map((group) => group.toString(16))
  if (best.start === -1) return hex.join(':')
  return `${hex.slice(0, best.start).join(':')}::${hex.slice(best.start + best.length).join(':')}`
}
