import { describe, expect, it } from 'vitest'
import { formatDate, isTimeZone, parseDate, yearIn } from '@/lib/content/dates'
import { SITE_YAML, load, post, rejection, tempSite } from './helpers'

const iso = (text: string, timeZone: string) => {
  const parsed = parseDate(text, timeZone)
  return parsed instanceof Date ? parsed.toISOString() : parsed
}

describe('parseDate', () => {
  it('keeps the exact instant of a date-time with an offset, whatever the site zone', () => {
    expect(iso('2025-03-21T21:48:21+08:00', 'Europe/Amsterdam')).toBe('2025-03-21T13:48:21.000Z')
    expect(iso('2025-03-21T21:48:21+08:00', 'America/New_York')).toBe('2025-03-21T13:48:21.000Z')
    expect(iso('2025-03-21T21:48:21-0330', 'UTC')).toBe('2025-03-22T01:18:21.000Z')
    expect(iso('2025-03-21 21:48 +0800', 'UTC')).toBe('2025-03-21T13:48:00.000Z')
    expect(iso('2025-03-21T21:48:21.123456Z', 'Europe/Amsterdam')).toBe('2025-03-21T21:48:21.123Z')
  })

  it('reads a plain date as midnight of that day in the site zone, not in UTC', () => {
    expect(iso('2025-03-21', 'Europe/Amsterdam')).toBe('2025-03-20T23:00:00.000Z')
    expect(iso('2025-07-21', 'Europe/Amsterdam')).toBe('2025-07-20T22:00:00.000Z')
    expect(iso('2025-03-21', 'UTC')).toBe('2025-03-21T00:00:00.000Z')
    expect(iso('2025-01-01', 'Pacific/Kiritimati')).toBe('2024-12-31T10:00:00.000Z')
    expect(iso('2025-06-15T12:00', 'Asia/Kolkata')).toBe('2025-06-15T06:30:00.000Z')
  })

  it('uses the offset in force on that day around the America/New_York daylight-saving changes', () => {
    // Spring forward: 2025-03-09 02:00 EST becomes 03:00 EDT.
    expect(iso('2025-03-08', 'America/New_York')).toBe('2025-03-08T05:00:00.000Z')
    expect(iso('2025-03-09', 'America/New_York')).toBe('2025-03-09T05:00:00.000Z')
    expect(iso('2025-03-09T01:30', 'America/New_York')).toBe('2025-03-09T06:30:00.000Z')
    expect(iso('2025-03-09T03:30', 'America/New_York')).toBe('2025-03-09T07:30:00.000Z')
    expect(iso('2025-03-10', 'America/New_York')).toBe('2025-03-10T04:00:00.000Z')
    // Fall back: 2025-11-02 02:00 EDT becomes 01:00 EST.
    expect(iso('2025-11-02', 'America/New_York')).toBe('2025-11-02T04:00:00.000Z')
    expect(iso('2025-11-02T02:30', 'America/New_York')).toBe('2025-11-02T07:30:00.000Z')
    expect(iso('2025-11-03', 'America/New_York')).toBe('2025-11-03T05:00:00.000Z')
  })

  it('rejects dates and times that do not exist on the calendar or clock', () => {
    expect(iso('2019-02-30', 'UTC')).toBe('is not a real date or time')
    expect(iso('2023-02-29', 'UTC')).toBe('is not a real date or time')
    expect(iso('2024-02-29', 'UTC')).toBe('2024-02-29T00:00:00.000Z')
    expect(iso('2025-13-01', 'UTC')).toBe('is not a real date or time')
    expect(iso('2025-01-01T24:00', 'UTC')).toBe('is not a real date or time')
    expect(iso('2025-01-01T23:60', 'UTC')).toBe('is not a real date or time')
    expect(iso('21-03-2025', 'UTC')).toBe('is not a date')
    expect(iso('2025-03-21T10:00:00+08', 'UTC')).toBe('is not a date')
  })
})

describe('yearIn and formatDate', () => {
  const newYearsEve = new Date('2024-12-31T23:30:00Z')

  it('gives the calendar year in the site zone, which differs from UTC around New Year', () => {
    expect(yearIn(newYearsEve, 'Europe/Amsterdam')).toBe(2025)
    expect(yearIn(newYearsEve, 'UTC')).toBe(2024)
    expect(yearIn(new Date('2025-01-01T03:00:00Z'), 'America/New_York')).toBe(2024)
  })

  it('formats the day in the site language and zone', () => {
    const date = new Date('2025-03-20T23:00:00Z') // `date: 2025-03-21` in Amsterdam
    expect(formatDate(date, 'en-GB', 'Europe/Amsterdam')).toBe('21 March 2025')
    expect(formatDate(date, 'en-US', 'Europe/Amsterdam')).toBe('March 21, 2025')
    expect(formatDate(date, 'nl', 'Europe/Amsterdam')).toBe('21 maart 2025')
    expect(formatDate(date, 'en-GB', 'UTC')).toBe('20 March 2025')
  })

  it('knows IANA zone names and nothing else', () => {
    expect([isTimeZone('Europe/Amsterdam'), isTimeZone('UTC'), isTimeZone('Europe/Amsterdm'), isTimeZone('')]).toEqual([true, true, false, false])
  })
})

describe('dates in posts', () => {
  it('reads frontmatter dates in the site time zone', async () => {
    const root = tempSite(
      {
        'posts/plain.mdx': post(['date: 2025-03-21'], 'Text.'),
        'posts/offset.mdx': post(['date: 2025-03-21T21:48:21+08:00', 'updated: 2025-03-22'], 'Text.'),
        'posts/space-separated.mdx': post(['date: 2025-03-09 03:30'], 'Text.'),
      },
      `${SITE_YAML}timeZone: America/New_York\n`,
    )
    const content = await load(root)
    expect(content.posts.map((p) => [p.slug, p.date.toISOString(), p.updated?.toISOString()])).toEqual([
      ['offset', '2025-03-21T13:48:21.000Z', '2025-03-22T04:00:00.000Z'],
      ['plain', '2025-03-21T04:00:00.000Z', undefined],
      ['space-separated', '2025-03-09T07:30:00.000Z', undefined],
    ])
  })

  it('rejects a date that is not on the calendar, at the value', async () => {
    const root = tempSite({ 'posts/a.mdx': post(['date: 2019-02-30'], 'Text.') })
    expect(await rejection(root)).toEqual([
      'posts/a.mdx:3:7 date "2019-02-30" is not a real date or time (write date: 2025-03-21 or date: 2025-03-21T09:00:00+01:00)',
    ])
  })

  it('rejects a date in another format', async () => {
    const root = tempSite({ 'posts/a.mdx': post(['date: 21/03/2025'], 'Text.') })
    expect(await rejection(root)).toEqual([
      'posts/a.mdx:3:7 date string "21/03/2025" is not in the expected form (write date: 2025-03-21 or date: 2025-03-21T09:00:00+01:00)',
    ])
  })

  it('rejects a post without a date', async () => {
    const root = tempSite({ 'posts/a.mdx': '---\ntitle: T\n---\n\nText.\n' })
    expect(await rejection(root)).toEqual(['posts/a.mdx:1:1 date is missing (write date: 2025-03-21 or date: 2025-03-21T09:00:00+01:00)'])
  })

  it('rejects an update before the publication date, at the updated line', async () => {
    const root = tempSite({ 'posts/a.mdx': post(['date: 2025-03-21', 'updated: 2025-03-20'], 'Text.') })
    expect(await rejection(root)).toEqual(['posts/a.mdx:4:10 updated (2025-03-20) is before date (2025-03-21) (fix one of the two)'])
  })
})
