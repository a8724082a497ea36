import path from 'node:path'

/** One thing the import kept as-is or left out: where in the source, what, and why. */
export interface ReportEntry {
  /** Source file, relative to the source folder (or the export file's name). */
  file: string
  line: number
  message: string
}

/** Collects the report of one import; entries print as `file:line message`. */
export class ImportReport {
  readonly entries: ReportEntry[] = []
  /** Posts written (or that would be, with --dry-run), by their new path. */
  readonly written: string[] = []
  readonly counts = new Map<string, number>()

  constructor(readonly sourceRoot: string) {}

  /** Adds an entry for an absolute or source-relative file; the same entry twice is kept once. */
  add(file: string, line: number, message: string): void {
    const rel = path.isAbsolute(file) ? path.relative(this.sourceRoot, file) || path.basename(file) : file
    if (this.entries.some((e) => e.file === rel && e.line === line && e.message === message)) return
    this.entries.push({ file: rel, line, message })
  }

  /** Counts something for the summary ("posts", "comments", …). */
  count(what: string, n = 1): void {
    this.counts.set(what, (this.counts.get(what) ?? 0) + n)
  }

  /** The entries in file and line order, as `file:line message`. */
  lines(): string[] {
    return [...this.entries].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line).map((e) => `${e.file}:${e.line} ${e.message}`)
  }

  /** One line of counts: "3 posts, 1 draft, 4 comments". */
  summary(): string {
    return [...this.counts].map(([what, n]) => `${n} ${n === 1 ? what.replace(/s$/, '') : what}`).join(', ') || 'nothing imported'
  }

  /** The report as the Markdown of import-report.md. */
  markdown(title: string): string {
    const lines = this.lines()
    return [
      `# ${title}`,
      '',
      this.summary() + '.',
      '',
      '## Posts',
      '',
      ...(this.written.length ? this.written.map((p) => `- ${p}`) : ['None.']),
      '',
      '## Kept as-is or left out',
      '',
      lines.length ? 'Each line: the source file and line, what happened, and why.' : 'Nothing: every part of every post was converted.',
      '',
      ...lines.map((l) => `- ${l.replace(/[<>[\]*_`\\]/g, (c) => `\\${c}`)}`),
      '',
    ].join('\n')
  }
}
