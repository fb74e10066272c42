'use client'
import { useState } from 'react'
import { AnswerView } from './answer-view'
import { type Answer, invalidBody, pastTheLimit, withoutCredentials, wrongMethod } from './calls'

interface Provocation {
  id: string
  label: string
  explains: string
  call: () => Promise<Answer & { attempts?: number }>
}

const provocations: Provocation[] = [
  { id: '405', label: '405: a wrong method', explains: 'DELETE /api/notes: the route answers GET, HEAD, POST and OPTIONS only.', call: wrongMethod },
  { id: '401', label: '401: no credentials', explains: 'POST /api/notes without a bearer token (the session does not count there).', call: withoutCredentials },
  { id: '422', label: '422: an invalid body', explains: 'PUT /api/legacy/notes/1 with {"text":""}: a note needs a text. Sign in first, or the session check answers 401.', call: invalidBody },
  {
    id: '429',
    label: '429: past the rate limit',
    explains: 'POST /api/session/login with a wrong password until the limit (10 a minute per address) refuses: signing in again waits for Retry-After.',
    call: pastTheLimit,
  },
]

/** One button per refusal; each shows the answer it got. */
export function ProblemButtons() {
  const [answers, setAnswers] = useState<Record<string, (Answer & { attempts?: number }) | undefined>>({})
  const [pending, setPending] = useState<string | null>(null)

  const press = (provocation: Provocation) => async () => {
    setPending(provocation.id)
    try {
      const answer = await provocation.call()
      setAnswers((current) => ({ ...current, [provocation.id]: answer }))
    } finally {
      setPending(null)
    }
  }

  return (
    <ul className="provocations">
      {provocations.map((provocation) => {
        const answer = answers[provocation.id]
        return (
          <li key={provocation.id}>
            <p className="buttons">
              <button type="button" data-provoke={provocation.id} disabled={pending !== null} aria-describedby={`explains-${provocation.id}`} onClick={press(provocation)}>
                {provocation.label}
              </button>
            </p>
            <p id={`explains-${provocation.id}`} className="muted">
              {provocation.explains}
            </p>
            <div aria-live="polite">
              {answer && (
                <AnswerView
                  id={provocation.id}
                  answer={answer}
                  note={answer.attempts === undefined ? undefined : `After ${answer.attempts} attempt${answer.attempts === 1 ? '' : 's'}.`}
                />
              )}
            </div>
          </li>
        )
      })}
    </ul>
  )
}
