import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'

// .github/workflows/pages.yml can only run on GitHub; this reads it for the mistakes that would
// publish a broken site or none: the wrong base path, npm ci, the wrong folder, missing permissions.

interface Step {
  id?: string
  uses?: string
  run?: string
  with?: Record<string, unknown>
  env?: Record<string, string>
}
interface Job {
  needs?: string | string[]
  permissions?: Record<string, string>
  environment?: { name: string; url?: string }
  steps: Step[]
}
interface Workflow {
  on: Record<string, unknown>
  permissions?: Record<string, string>
  concurrency?: { group: string; 'cancel-in-progress': boolean }
  jobs: Record<string, Job>
}

const workflow = parse(fs.readFileSync(path.resolve(import.meta.dirname, '../../.github/workflows/pages.yml'), 'utf8')) as Workflow
const steps = Object.values(workflow.jobs).flatMap((job) => job.steps)
const using = (action: string) => steps.filter((s) => s.uses?.split('@')[0] === action)

describe('.github/workflows/pages.yml', () => {
  it('runs on pushes to main and by hand, one deployment at a time', () => {
    expect(workflow.on).toHaveProperty('push.branches', ['main'])
    expect(workflow.on).toHaveProperty('workflow_dispatch')
    expect(workflow.concurrency).toEqual({ group: 'pages', 'cancel-in-progress': false })
  })

  it('checks out, sets up Node 20 and installs with npm install, in that order', () => {
    const build = workflow.jobs.build!.steps
    const at = (match: (s: Step) => boolean) => build.findIndex(match)
    const checkout = at((s) => s.uses?.startsWith('actions/checkout@') ?? false)
    const node = at((s) => s.uses?.startsWith('actions/setup-node@') ?? false)
    const install = at((s) => /^npm install\b/.test(s.run ?? ''))
    expect(checkout).toBeGreaterThanOrEqual(0)
    expect([node > checkout, install > node]).toEqual([true, true])
    expect(String(build[node]!.with?.['node-version'])).toBe('20')
    expect(steps.some((s) => /\bnpm ci\b/.test(s.run ?? ''))).toBe(false)
  })

  it('exports with the base path and address that configure-pages reports, and uploads out/', () => {
    const [pages] = using('actions/configure-pages')
    expect(pages?.id).toBe('pages')
    const exported = steps.find((s) => s.run?.trim() === 'npm run export')
    expect(exported?.env).toMatchObject({
      INKWELL_BASE_PATH: '${{ steps.pages.outputs.base_path }}',
      SITE_URL: '${{ steps.pages.outputs.base_url }}',
    })
    const build = workflow.jobs.build!.steps
    expect(build.indexOf(exported!)).toBeGreaterThan(build.indexOf(pages!))
    const [upload] = using('actions/upload-pages-artifact')
    expect(upload?.with?.path).toBe('out')
    expect(build.indexOf(upload!)).toBeGreaterThan(build.indexOf(exported!))
  })

  it('deploys after the build, with only the permissions a Pages deployment needs', () => {
    const deploy = Object.values(workflow.jobs).find((job) => job.steps.some((s) => s.uses?.startsWith('actions/deploy-pages@')))
    expect(deploy?.needs).toBe('build')
    expect(deploy?.permissions).toEqual({ pages: 'write', 'id-token': 'write' })
    expect(deploy?.environment).toEqual({ name: 'github-pages', url: '${{ steps.deployment.outputs.page_url }}' })
    expect(workflow.permissions).toEqual({ contents: 'read' })
  })
})
