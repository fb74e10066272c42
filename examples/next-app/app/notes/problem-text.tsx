import type { ActionResult } from 'routekit/actions'

/** A failed result's problem, as one line: `401 Unauthorized: This request needs a session.` */
export function ProblemText({ state }: { state: ActionResult<unknown> | null }) {
  if (!state || state.ok) return null
  const { status, title, detail } = state.problem
  return (
    <p role="alert" className="problem" data-status={status}>
      {status} {title}
      {detail ? `: ${detail}` : ''}
    </p>
  )
}
