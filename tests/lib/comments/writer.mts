// A child process for durability tests: opens the database named by argv and writes comments
// until killed, printing each id once the database has acknowledged it.
import { openDatabase } from '../../../lib/comments/db'
import { comments } from '../../../lib/comments/schema'

const target = process.argv[2]!.startsWith('postgres') ? { url: process.argv[2]! } : { dataDir: process.argv[2]! }
const { db } = await openDatabase(target)
console.log('ready')
for (let i = 0; ; i++) {
  const [row] = await db
    .insert(comments)
    .values({ post: 'durable', name: `writer ${i}`, body: `comment ${i}`, status: 'approved' })
    .returning({ id: comments.id })
  console.log(`ack ${row!.id}`)
}
