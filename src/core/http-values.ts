/** A quoted-string for a header parameter (RFC 9110 §5.6.4): `"` and `\` escaped. */
export function quoted(value: string): string {
  return `"${value.replace(/["\\]/g, '\\$&')}"`
}

/** Host names that only ever mean this machine: where plain http is acceptable in development. */
export function isLoopbackHost(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '127.0.0.1' || hostname === '[::1]'
}
