import type { ValidationIssue } from 'routekit'
import type { Answer } from './calls'

/**
 * One answer as it came: the status line, the headers worth seeing, the body
 * pretty-printed, and a problem's field errors (`errors[]`) by path.
 */
export function AnswerView({ id, answer, note }: { id: string; answer: Answer; note?: string }) {
  const body = answer.body as { title?: unknown; errors?: unknown } | null
  const statusText = answer.statusText || (typeof body?.title === 'string' ? body.title : '')
  const errors = Array.isArray(body?.errors) ? (body.errors as ValidationIssue[]) : []
  const ok = answer.status < 400
  return (
    <div className={`answer ${ok ? 'answer-ok' : 'answer-problem'}`} data-answer={id} data-status={answer.status}>
      <h3>
        <span className="status">
          {answer.status} {statusText}
        </span>{' '}
        <code className="request">{answer.request}</code>
      </h3>
      {note && <p>{note}</p>}
      {answer.headers.length > 0 && (
        <dl className="headers" aria-label="Response headers">
          {answer.headers.map(([name, value]) => (
            <div key={name} data-header={name}>
              <dt>{name}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
      )}
      {errors.length > 0 && (
        <ul className="field-errors" aria-label="Field errors">
          {errors.map((issue, index) => (
            <li key={index} data-field={issue.path.join('.')}>
              <code>{issue.path.join('.') || '(body)'}</code>: {issue.message}
            </li>
          ))}
        </ul>
      )}
      {answer.body !== null && (
        <pre className="body" aria-label="Response body">
          {typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body, null, 2)}
        </pre>
      )}
    </div>
  )
}
