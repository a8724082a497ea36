// Frontmatter dates are kept as text by the YAML parser (see frontmatter.ts) so that a plain
// date means that calendar day in the site's time zone, and a date-time with an offset keeps
// its exact instant. js-yaml's Date conversion would have turned both into UTC midnights.

const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3})\d*)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?$/

const formatters = new Map<string, Intl.DateTimeFormat>()

function zoneParts(instant: number, timeZone: string): number[] {
  let f = formatters.get(timeZone)
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    })
    formatters.set(timeZone, f)
  }
  const parts = f.formatToParts(new Date(instant))
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value)
  return [get('year'), get('month'), get('day'), get('hour'), get('minute'), get('second')]
}

/** Offset of `timeZone` from UTC at `instant`, in milliseconds. */
function offsetAt(instant: number, timeZone: string): number {
  const [y, mo, d, h, mi, s] = zoneParts(instant, timeZone) as [number, number, number, number, number, number]
  return Date.UTC(y, mo - 1, d, h, mi, s) - Math.floor(instant / 1000) * 1000
}

/** True when `timeZone` is an IANA zone this runtime knows. */
export function isTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone })
    return true
  } catch {
    return false
  }
}

/**
 * Parses a frontmatter date: `2025-03-21` (that day, 00:00 in `timeZone`), a local date-time
 * (`2025-03-21T09:00`, in `timeZone`) or a date-time with offset (its exact instant).
 * Returns an error sentence instead of a Date when the text is not a real date.
 */
export function parseDate(text: string, timeZone: string): Date | string {
  const m = DATE_TIME.exec(text.trim())
  if (!m) return 'is not a date'
  const [, y, mo, d, h = '0', mi = '0', s = '0', ms = '0', zone] = m
  const fields = [Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s), Number(ms.padEnd(3, '0'))] as const
  const local = Date.UTC(...fields)
  const check = new Date(local)
  if (
    check.getUTCFullYear() !== fields[0] ||
    check.getUTCMonth() !== fields[1] ||
    check.getUTCDate() !== fields[2] ||
    fields[3] > 23 ||
    fields[4] > 59 ||
    fields[5] > 59
  ) {
    return 'is not a real date or time'
  }
  if (zone) {
    if (zone === 'Z') return new Date(local)
    const sign = zone.startsWith('-') ? -1 : 1
    const digits = zone.slice(1).replace(':', '')
    const [hours, minutes] = [Number(digits.slice(0, 2)), Number(digits.slice(2))]
    // Real zones run from -12:00 to +14:00; anything past ±14:00 is a typo, not a place.
    if (minutes > 59) return `has the offset ${zone}, whose minutes must be below 60`
    if (hours * 60 + minutes > 14 * 60) return `has the offset ${zone}, beyond the ±14:00 of any time zone`
    const offset = sign * (hours * 60 + minutes) * 60_000
    return new Date(local - offset)
  }
  // Wall-clock time in the site's zone: guess with the offset at that moment, then correct
  // once more for the hours around a daylight-saving change.
  let instant = local - offsetAt(local, timeZone)
  const second = offsetAt(instant, timeZone)
  if (local - second !== instant) instant = local - second
  return new Date(instant)
}

/** The calendar year of `date` in `timeZone`. */
export function yearIn(date: Date, timeZone: string): number {
  return zoneParts(date.getTime(), timeZone)[0] as number
}

/** A date for readers, such as "21 March 2025", in the site's language and time zone. */
export function formatDate(date: Date, language: string, timeZone: string): string {
  // Making a formatter costs far more than using one, and a list page formats hundreds of dates.
  const key = `${language}\0${timeZone}`
  let f = longFormatters.get(key)
  if (!f) longFormatters.set(key, (f = new Intl.DateTimeFormat(language, { dateStyle: 'long', timeZone })))
  return f.format(date)
}

const longFormatters = new Map<string, Intl.DateTimeFormat>()

/** `date` as a frontmatter date-time in `timeZone` with its offset: `2026-11-22T14:05:00+01:00`. */
export function toOffsetDateTime(date: Date, timeZone: string): string {
  const instant = Math.floor(date.getTime() / 1000) * 1000
  const [y, mo, d, h, mi, s] = zoneParts(instant, timeZone) as [number, number, number, number, number, number]
  const offset = Math.round(offsetAt(instant, timeZone) / 60_000)
  const pad = (n: number) => String(Math.abs(n)).padStart(2, '0')
  const zone = `${offset < 0 ? '-' : '+'}${pad(Math.trunc(offset / 60))}:${pad(offset % 60)}`
  return `${y}-${pad(mo)}-${pad(d)}T${pad(h)}:${pad(mi)}:${pad(s)}${zone}`
}

/** `posts` newest first (a copy): the order of every list, feed and index. */
export function newestFirst<P extends { date: Date }>(posts: readonly P[]): P[] {
  return [...posts].sort((a, b) => b.date.getTime() - a.date.getTime())
}
