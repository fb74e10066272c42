import { configError } from '../core/options.js'
import type { MiddlewareDescription } from '../core/describe.js'

type Requirement = Record<string, string[]>

/**
 * The security schemes a document's routes use, collected from what their
 * middleware describes. One name means one scheme: two middleware defining
 * the same name differently is a configuration mistake, reported rather
 * than documented wrongly.
 */
export class SecuritySchemes {
  readonly #schemes = new Map<string, Record<string, unknown>>()

  /**
   * A route's `security`: every scheme its middleware enforce, with their
   * scopes merged. A scheme is optional only if every middleware naming it
   * is (a `requireScope()` after an optional `jwt()` makes the token
   * required), and then the requirement without it is an alternative.
   */
  requirementsFor(middleware: readonly MiddlewareDescription[]): Requirement[] | undefined {
    const found = new Map<string, { scopes: Set<string>; optional: boolean }>()
    for (const { security } of middleware) {
      if (security === undefined) continue
      this.#define(security.name, security.scheme)
      const entry = found.get(security.name) ?? { scopes: new Set<string>(), optional: true }
      for (const scope of security.scopes ?? []) entry.scopes.add(scope)
      entry.optional &&= security.optional === true
      found.set(security.name, entry)
    }
    if (found.size === 0) return undefined
    const all: Requirement = {}
    const required: Requirement = {}
    for (const [name, { scopes, optional }] of found) {
      all[name] = [...scopes]
      if (!optional) required[name] = [...scopes]
    }
    return Object.keys(required).length === found.size ? [all] : [all, required]
  }

  /** `components.securitySchemes`, sorted by name, or undefined when no route has any. */
  components(): Record<string, Record<string, unknown>> | undefined {
    if (this.#schemes.size === 0) return undefined
    return Object.fromEntries([...this.#schemes].sort(([a], [b]) => (a < b ? -1 : 1)))
  }

  #define(name: string, scheme: Record<string, unknown>): void {
    const existing = this.#schemes.get(name)
    if (existing !== undefined && JSON.stringify(existing) !== JSON.stringify(scheme)) {
      throw configError('routekit/openapi', `two middleware define the security scheme "${name}" differently.`)
    }
    this.#schemes.set(name, scheme)
  }
}
