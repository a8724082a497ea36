/** The one row an INSERT … RETURNING or a lookup that must match gives back. */
export function first<T>(rows: T[]): T {
  const row = rows[0]
  if (row === undefined) throw new Error('the database returned no row')
  return row
}
