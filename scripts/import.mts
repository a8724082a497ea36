// npm run import -- <hugo|zola|jekyll|wordpress> <source> [--out content/posts] [--dry-run] [--force]
// Converts another engine's posts to Inkwell posts and reports what was kept as-is or left out.
import path from 'node:path'
import { parseArgs } from 'node:util'

import { runImport, SOURCES, type SourceKind } from '../lib/import'

const usage = `usage: npm run import -- <${SOURCES.join('|')}> <source> [--out content/posts] [--dry-run] [--force]
  hugo, zola, jekyll   the site's folder (with its config file)
  wordpress            the export file (Tools → Export → All content), .xml
  --out                the posts folder to write to (default content/posts); authors go to ../authors
  --dry-run            convert and report, write nothing
  --force              replace posts that already exist`

try {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      out: { type: 'string', default: 'content/posts' },
      'dry-run': { type: 'boolean' },
      force: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  })
  const [kind, source] = positionals
  if (values.help) {
    console.log(usage)
    process.exit(0)
  }
  if (!kind || !source || !(SOURCES as readonly string[]).includes(kind))
    throw new Error(kind && !(SOURCES as readonly string[]).includes(kind) ? `unknown source "${kind}"` : 'give a source kind and a source')
  const dryRun = values['dry-run'] ?? false
  const { report, reportFile } = await runImport(kind as SourceKind, source, { out: values.out!, dryRun, force: values.force })
  for (const line of report.lines()) console.log(line)
  for (const file of report.written) console.log(`${dryRun ? 'would write' : 'wrote'} ${file}`)
  console.log(
    `\n${dryRun ? 'Dry run: nothing written. ' : ''}${report.summary()}, ${report.entries.length} report line${report.entries.length === 1 ? '' : 's'}${dryRun ? '' : ` (${path.relative(process.cwd(), reportFile)})`}.`,
  )
  if (!dryRun && report.written.length) console.log('Next: npm run check')
} catch (error) {
  console.error(`✗ ${error instanceof Error ? error.message : String(error)}\n${usage}`)
  process.exit(1)
}
