import { afterEach } from 'vitest'

// Any promise rejection nobody handled fails the test it happened in, so a
// fault that leaks one (a middleware that does not await next(), a client
// that leaves mid-body) cannot pass quietly.
const unhandled: unknown[] = []
process.on('unhandledRejection', (reason) => {
  unhandled.push(reason)
})

afterEach(async () => {
  // Node reports unhandled rejections after the microtask queue drains.
  await new Promise((resolve) => setImmediate(resolve))
  if (unhandled.length > 0) {
    const reasons = unhandled.splice(0).map((reason) => (reason instanceof Error ? reason.stack : String(reason)))
    throw new Error(`Unhandled promise rejection(s):\n${reasons.join('\n')}`)
  }
})
