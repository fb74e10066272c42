import { api } from '../api'

const failing = { summary: 'Always fails, to show error mapping', tags: ['errors'] }

// The client gets a generic 500 problem, onError the real error.
export const boomHandler = api.get({ ...failing, operationId: 'boom' }, () => {
  throw new Error('ECONNREFUSED 10.0.0.5:5432 user=notes password=hunter2')
})

// The same on the Pages Router: a generic 500 problem, never the message.
export const legacyBoomHandler = api.get({ ...failing, operationId: 'legacyBoom' }, () => {
  throw new Error('Redis AUTH failed: password=hunter2')
})
