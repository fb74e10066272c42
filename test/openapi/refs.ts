/** Every `$ref` in a document that does not point at something inside it. */
export function unresolvedRefs(document: object): string[] {
  const missing: string[] = []
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) return value.forEach(visit)
    if (typeof value !== 'object' || value === null) return
    const ref = (value as { $ref?: unknown }).$ref
    if (typeof ref === 'string') {
      const target = ref
        .replace(/^#\//, '')
        .split('/')
        .reduce<unknown>((at, key) => (at as Record<string, unknown> | undefined)?.[key.replace(/~1/g, '/').replace(/~0/g, '~')], document)
      if (!ref.startsWith('#/') || target === undefined) missing.push(ref)
    }
    Object.values(value).forEach(visit)
  }
  visit(document)
  return missing
}
