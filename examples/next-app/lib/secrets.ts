import defaults from './dev-defaults.json'

// The defaults are development-only and public (see dev-defaults.json): a
// real deployment must set JWT_SECRET and SESSION_SECRET, e.g. from
// `openssl rand -base64 32`.
export const jwtSecret = process.env.JWT_SECRET ?? defaults.jwtSecret
export const sessionSecret = process.env.SESSION_SECRET ?? defaults.sessionSecret

export const issuer = defaults.issuer
export const audience = defaults.audience
