export const root: string
export const appDir: string
export function buildAll(options?: { quiet?: boolean }): void
export function appToken(claims: Record<string, unknown>, options?: { subject?: string; expiresIn?: string | number }): Promise<string>
export function freePort(): Promise<number>
export function startApp(options?: {
  port?: number
  output?: 'pipe' | 'inherit'
  timeoutMs?: number
  /** Added to the server's environment. */
  env?: Record<string, string>
}): Promise<{ url: string; pid: number; stop: () => Promise<void>; output: () => string }>
