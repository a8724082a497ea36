// npm run comments -- export | delete --name "Name" | hash-password
// Works on the database the server uses: DATABASE_URL, else the embedded one in data/ (INKWELL_DATA_DIR).
import { parseArgs } from 'node:util'

import { databaseTarget, deleteCommenter, exportComments, hashPassword, openDatabase } from '../lib/comments'

const usage = `usage:
  npm run comments -- export                 every comment as JSON, on standard output
  npm run comments -- delete --name "Name"   remove everything one commenter wrote
  npm run comments -- hash-password          read a password from standard input, print INKWELL_ADMIN_PASSWORD_HASH`

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '')
}

try {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { name: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  })
  const [command] = positionals
  if (values.help || !command) {
    console.error(usage)
    process.exit(values.help ? 0 : 1)
  }
  if (command === 'hash-password') {
    if (process.stdin.isTTY) console.error('Type the password, then Enter and Ctrl-D:')
    const password = await readStdin()
    if (!password) throw new Error('the password is empty')
    console.log(hashPassword(password))
  } else if (command === 'export' || command === 'delete') {
    const database = await openDatabase(databaseTarget())
    try {
      if (command === 'export') {
        process.stdout.write(`${JSON.stringify(await exportComments(database.db), null, 2)}\n`)
      } else {
        if (!values.name) throw new Error('delete needs --name "Name" (exactly as shown on the comments)')
        const count = await deleteCommenter(database.db, values.name)
        console.error(`deleted ${count} comment${count === 1 ? '' : 's'} by "${values.name}" (and the replies to them)`)
      }
    } finally {
      await database.close()
    }
  } else {
    throw new Error(`unknown command "${command}"`)
  }
} catch (error) {
  console.error(`✗ ${error instanceof Error ? error.message : String(error)}\n${usage}`)
  process.exit(1)
}
