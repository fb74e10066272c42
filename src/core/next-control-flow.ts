import { problemResponse } from './problem.js'
import { defaultCode, isErrorStatus, statusPhrase } from './status.js'

/**
 * Next.js signals `redirect()`, `notFound()`, `forbidden()`, `unauthorized()`
 * and its rendering bail-outs by throwing errors whose `digest` starts with one
 * of these codes. They must reach Next untouched, so they are recognised here
 * by digest rather than by importing `next` (the core imports nothing from it).
 */
const controlFlowDigests = [
  'NEXT_REDIRECT',
  'NEXT_HTTP_ERROR_FALLBACK',
  'NEXT_NOT_FOUND',
  'DYNAMIC_SERVER_USAGE',
  'BAILOUT_TO_CLIENT_SIDE_RENDERING',
  'HANGING_PROMISE_REJECTION',
  'NEXT_PRERENDER_INTERRUPTED',
]

/** Whether an error is one Next.js throws on purpose and expects back. */
export function isNextControlFlowError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false
  const digest = (error as { digest?: unknown }).digest
  if (typeof digest !== 'string') return false
  const code = digest.split(';', 1)[0]
  return controlFlowDigests.includes(code!)
}

/**
 * What Next.js would answer for its control-flow errors where no router
 * catches them (Pages API routes): a redirect, or a problem with the status
 * `notFound()`, `forbidden()` or `unauthorized()` stand for.
 */
export function controlFlowResponse(error: unknown): Response | undefined {
  if (!isNextControlFlowError(error)) return undefined
  const parts = (error as { digest: string }).digest.split(';')
  if (parts[0] === 'NEXT_REDIRECT') {
    // NEXT_REDIRECT;<type>;<url, which may itself contain ';'>;<status>;
    const status = Number(parts.at(-2))
    const location = parts.slice(2, -2).join(';')
    return new Response(null, { status: status === 308 ? 308 : 307, headers: { location } })
  }
  const status =
    parts[0] === 'NEXT_HTTP_ERROR_FALLBACK' ? Number(parts[1]) : parts[0] === 'NEXT_NOT_FOUND' ? 404 : undefined
  // Rendering bail-outs mean nothing outside a render; Next should see them.
  if (!isErrorStatus(status)) return undefined
  return problemResponse({
    type: 'about:blank',
    title: statusPhrase(status),
    status,
    code: defaultCode(status),
  })
}
