const LOCATED = /^(.+?:\d+:\d+) (.*)$/s

/** Problems as `npm run check` prints them, one a line, each with its file:line:col set apart (next dev's error page and notices). */
export function ProblemList({ lines }: { lines: string[] }) {
  return (
    <ul className="space-y-2">
      {lines.map((line) => {
        const located = LOCATED.exec(line)
        return (
          <li key={line} className="leading-relaxed">
            {located ? (
              <>
                <code className="font-mono text-sm font-semibold break-all">{located[1]}</code> {located[2]}
              </>
            ) : (
              line
            )}
          </li>
        )
      })}
    </ul>
  )
}
