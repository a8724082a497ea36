// npm run db:migrate                       apply pending migrations to the database the server uses
// npm run db:copy -- --to postgres://…     copy the embedded database (or DATABASE_URL's) to another one
import { parseArgs } from 'node:util'

import { copyDatabase, databaseTarget, openDatabase, type DatabaseTarget } from '../lib/comments'

const usage = 'usage: tsx scripts/db.mts migrate | copy --to postgres://… (or --to ./folder for an embedded database)'
const describe = (target: DatabaseTarget) => ('url' in target ? new URL(target.url).host + new URL(target.url).pathname : target.dataDir)

try {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { to: { type: 'string' } } })
  const source = databaseTarget()
  if (positionals[0] === 'migrate') {
    // Opening migrates; nothing else to do.
    await (await openDatabase(source)).close()
    console.log(`✓ ${describe(source)} is up to date`)
  } else if (positionals[0] === 'copy') {
    if (!values.to) throw new Error('copy needs --to')
    const target: DatabaseTarget = /^postgres(ql)?:\/\//.test(values.to) ? { url: values.to } : { dataDir: values.to }
    const [from, to] = [await openDatabase(source), await openDatabase(target)]
    try {
      const { comments } = await copyDatabase(from, to)
      console.log(
        `✓ copied ${comments} comments from ${describe(source)} to ${describe(target)}; start the server with DATABASE_URL set to it`,
      )
    } finally {
      await Promise.all([from.close(), to.close()])
    }
  } else {
    throw new Error(usage)
  }
} catch (error) {
  console.error(`✗ ${error instanceof Error ? error.message : String(error)}`)
  process.exit(1)
}
