import type { TestProject } from 'vitest/node'
import { buildAll, startApp } from '../../scripts/next-app.mjs'
import { ensureTools } from './contract/tools.js'

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string
  }
}

/** Builds the package and the example app, starts `next start`, and stops it after the run, pass or fail. */
export default async function setup(project: TestProject) {
  buildAll({ quiet: true })
  // Once here, not per test file: files run in parallel, and two installs into one folder collide.
  ensureTools()
  const app = await startApp()
  project.provide('baseUrl', app.url)
  return async () => {
    await app.stop()
  }
}
