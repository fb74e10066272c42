// The example's document as two linters nobody here wrote read it: Redocly
// with its `recommended` rules and Spectral with `spectral:oas`. No errors,
// and exactly the warnings docs/decisions.md justifies, so a new one is
// looked at rather than drowned in a count.
import { readFileSync, writeFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { exampleDocument, runTool, toolsDir } from './tools.js'

interface Finding {
  rule: string
  at: string
}

const document = JSON.parse(readFileSync(exampleDocument, 'utf8')) as { paths: Record<string, Record<string, unknown>> }
const operations = Object.entries(document.paths).flatMap(([path, item]) => Object.keys(item).map((method) => `${path}.${method}`))

// Rule and where, as each tool reports them.
const justified = {
  redocly: [
    // These routes take no input and fail on purpose: 500 is all they answer.
    { rule: 'operation-4xx-response', at: '#/paths/~1api~1boom/get/responses' },
    { rule: 'operation-4xx-response', at: '#/paths/~1api~1legacy~1boom/get/responses' },
  ],
  spectral: [
    // The example has no one to contact: an address would be made up.
    { rule: 'info-contact', at: 'info' },
    // Each example operation's one-line summary says all there is to say;
    // a description would repeat it.
    ...operations.map((operation) => ({ rule: 'operation-description', at: `paths.${operation}` })),
    // OpenAPI 3.1 lets a non-OAuth scheme list role names (Security
    // Requirement Object); Spectral's rule predates that and wants OAuth scopes.
    ...['/api/notes.post', '/api/notes/{id}.delete', '/api/import.post'].map((operation) => ({
      rule: 'oas3-operation-security-defined', at: `paths.${operation}.security[0].bearerAuth[0]`,
    })),
  ],
}

const sorted = (findings: Finding[]) => findings.map(({ rule, at }) => `${rule} ${at}`).sort()

describe('the example\'s OpenAPI document', () => {
  it('passes Redocly\'s recommended rules with no errors and only the justified warnings', () => {
    const run = runTool('redocly', ['lint', '--extends', 'recommended', '--format', 'json', exampleDocument])
    const report = JSON.parse(run.output.slice(run.output.indexOf('{')))
    const problems = report.problems as { ruleId: string; severity: string; location: { pointer: string }[] }[]
    expect(problems.filter((problem) => problem.severity === 'error'), run.output).toEqual([])
    expect(report.totals.errors).toBe(0)
    expect(sorted(problems.map((problem) => ({ rule: problem.ruleId, at: problem.location[0]!.pointer })))).toEqual(sorted(justified.redocly))
  })

  it('passes Spectral\'s spectral:oas ruleset with no errors and only the justified warnings', () => {
    const ruleset = `${toolsDir}node_modules/.spectral-oas.yaml`
    writeFileSync(ruleset, 'extends: ["spectral:oas"]\n')
    const run = runTool('spectral', ['lint', '--ruleset', ruleset, '--format', 'json', '--quiet', exampleDocument])
    const findings = JSON.parse(run.output.slice(run.output.indexOf('['))) as { code: string; severity: number; path: string[] }[]
    // Spectral severities: 0 error, 1 warning, 2 information, 3 hint.
    expect(findings.filter((finding) => finding.severity === 0), run.output).toEqual([])
    const at = (path: string[]) => path.reduce((text, key, index) => (index === 0 ? key : /^\d+$/.test(key) ? `${text}[${key}]` : `${text}.${key}`), '')
    expect(sorted(findings.map((finding) => ({ rule: finding.code, at: at(finding.path) })))).toEqual(sorted(justified.spectral))
  })
})
