'use client'
import { useEffect, useState } from 'react'
import { AnswerView } from './answer-view'
import { type Answer, developmentUser, readPreferences, saveTheme, signIn, signOut, whoAmI } from './calls'

/** Signs the development user in and out through the cookie session's routes, and says who is signed in. */
export function SessionPanel() {
  const [user, setUser] = useState<string | null | undefined>(undefined)
  const [answer, setAnswer] = useState<Answer | null>(null)
  const [pending, setPending] = useState(false)
  const [theme, setTheme] = useState<'light' | 'dark' | null>(null)

  useEffect(() => {
    let current = true
    whoAmI().then((me) => current && setUser(me.username))
    return () => {
      current = false
    }
  }, [])

  const run = <T extends Answer>(call: () => Promise<T>, after: (answer: T) => void) => async () => {
    setPending(true)
    try {
      const result = await call()
      setAnswer(result)
      after(result)
    } finally {
      setPending(false)
    }
  }

  return (
    <div className="panel">
      <p role="status" className="signed-in" data-user={user ?? ''}>
        {user === undefined ? 'Checking the session…' : user ? `Signed in as ${user}.` : 'Not signed in.'}
      </p>
      <p className="buttons">
        <button
          type="button"
          disabled={pending}
          onClick={run(signIn, (result) => result.username && setUser(result.username))}
        >
          Sign in as {developmentUser.username}
        </button>{' '}
        <button type="button" className="secondary" disabled={pending} onClick={run(signOut, (result) => result.status < 300 && setUser(null))}>
          Sign out
        </button>{' '}
        <button type="button" className="secondary" disabled={pending} onClick={run(readPreferences, (result) => setTheme(result.theme))}>
          Read preferences
        </button>{' '}
        <button
          type="button"
          className="secondary"
          disabled={pending}
          onClick={run(() => saveTheme(theme === 'dark' ? 'light' : 'dark'), (result) => setTheme(result.theme))}
        >
          Switch theme{theme ? ` (now ${theme})` : ''}
        </button>
      </p>
      <div aria-live="polite">{answer && <AnswerView id="session" answer={answer} />}</div>
    </div>
  )
}
