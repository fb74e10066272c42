/** A response body built once, with the strong ETag of its bytes. */
export interface CachedBody {
  text: string
  etag: string
}

/**
 * Builds a body on first use and keeps it. A build that throws is not
 * kept: the next request tries again (and reports again).
 */
export function cachedBody(build: () => string | Promise<string>): () => Promise<CachedBody> {
  let cached: Promise<CachedBody> | undefined
  return () =>
    (cached ??= Promise.resolve()
      .then(async () => withEtag(await build()))
      .catch((error: unknown) => {
        cached = undefined
        throw error
      }))
}

/** The same bytes always get the same tag, on every instance. */
async function withEtag(text: string): Promise<CachedBody> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)))
  const hex = Array.from(digest.subarray(0, 16), (byte) => byte.toString(16).padStart(2, '0')).join('')
  return { text, etag: `"${hex}"` }
}

/** If-None-Match compares weakly (RFC 9110 §13.1.2): `W/"x"` matches `"x"`. */
function matches(ifNoneMatch: string | null, etag: string): boolean {
  if (ifNoneMatch === null) return false
  return ifNoneMatch.split(',').some((candidate) => {
    const tag = candidate.trim()
    return tag === '*' || tag.replace(/^W\//, '') === etag
  })
}

/** 200 with the body, or 304 without it when the client already has these bytes. */
export function conditionalResponse(req: Request, body: CachedBody, headers: Record<string, string>): Response {
  // A 304 has no body, so no Content-Type; the rest must match what a 200 would send (RFC 9110 §15.4.5).
  const validators: Record<string, string> = { ...headers, etag: body.etag }
  delete validators['content-type']
  if (matches(req.headers.get('if-none-match'), body.etag)) return new Response(null, { status: 304, headers: validators })
  return new Response(body.text, { headers: { ...headers, etag: body.etag } })
}
