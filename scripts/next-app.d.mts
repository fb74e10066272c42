export const root: string
export const appDir: string
export function buildAll(options?: { quiet?: boolean }): void
export function freePort(): Promise<number>
export function startApp(options?: {
  port?: number
  output?: 'pipe' | 'inherit'
  timeoutMs?: number
}): Promise<{ url: string; pid: number; stop: () => Promise<void>; output: () => string }>
