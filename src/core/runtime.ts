/**
 * `NODE_ENV === 'development'`, read defensively: the Edge runtime and some
 * Web hosts have no `process` at all.
 */
export function isDevelopment(): boolean {
  try {
    return process.env.NODE_ENV === 'development'
  } catch {
    return false // no `process` on this runtime
  }
}

/**
 * A rejection handler for promises whose failure is reported elsewhere (by
 * whoever awaits them) and must not also surface as an unhandled rejection.
 */
export function ignore(): void {}
