'use client'
import { useActionState } from 'react'
import { signIn, signOut } from './actions'
import { ProblemText } from './problem-text'

/** Signs the demo user (ada / lovelace) in through the login route's own base and rate limit. */
export function SignInForm() {
  const [state, formAction, pending] = useActionState(signIn, null, '/notes')
  return (
    <form action={formAction} aria-label="Sign in">
      <label htmlFor="username">Username</label> <input id="username" name="username" autoComplete="username" />{' '}
      <label htmlFor="password">Password</label> <input id="password" name="password" type="password" autoComplete="current-password" />{' '}
      <button disabled={pending}>Sign in</button>
      {state?.ok && <p role="status">Signed in as {state.data.username}.</p>}
      <ProblemText state={state} />
    </form>
  )
}

export function SignOutForm() {
  const [state, formAction, pending] = useActionState(signOut, null, '/notes')
  return (
    <form action={formAction} aria-label="Sign out">
      <button disabled={pending}>Sign out</button>
      <ProblemText state={state} />
    </form>
  )
}
