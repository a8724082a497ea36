// Characters that XML 1.0 cannot carry at all, not even escaped: one of them anywhere in a feed
// makes the whole file invalid for every subscriber. The check refuses them in posts at their
// line and column; the feeds strip them as a last line of defence.

const UNPAIRED = '[\\ud800-\\udbff](?![\\udc00-\\udfff])|(?<![\\ud800-\\udbff])[\\udc00-\\udfff]'

/** C0 controls other than tab, LF and CR; U+FFFE and U+FFFF; unpaired surrogates. */
export const NOT_XML = new RegExp(`[\\x00-\\x08\\x0b\\x0c\\x0e-\\x1f\\ufffe\\uffff]|${UNPAIRED}`, 'g')

/** Those, and DEL and the C1 controls: XML allows these, but no one types them into a title. */
export const NOT_TEXT = new RegExp(`[\\x00-\\x08\\x0b\\x0c\\x0e-\\x1f\\x7f-\\x9f\\ufffe\\uffff]|${UNPAIRED}`, 'g')

/** `text` without the characters XML cannot carry. */
export const stripNotXml = (text: string): string => text.replace(NOT_XML, '')

/** What to tell an author about one such character found `where` ("in the title", "in the text"). */
export function badCharacterMessage(char: string, where: string): string {
  const code = char.charCodeAt(0)
  const kind =
    code < 0x20 || (code >= 0x7f && code <= 0x9f)
      ? 'control character'
      : code >= 0xd800 && code <= 0xdfff
        ? 'unpaired surrogate'
        : 'character'
  return `${kind} U+${code.toString(16).toUpperCase().padStart(4, '0')} ${where} (delete it; feeds cannot carry it)`
}
