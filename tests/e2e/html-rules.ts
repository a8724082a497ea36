import type { ConfigData } from 'html-validate'

/**
 * html-validate's recommended rules, with the few changes that React's output needs. Each says
 * why; everything else is held to the recommended set.
 */
export const htmlRules: ConfigData = {
  extends: ['html-validate:recommended'],
  rules: {
    // React writes void elements as <meta … />, boolean attributes as hidden="" and
    // crossorigin="", and some attribute names in camelCase (charSet, dateTime, fetchPriority,
    // noModule). HTML ignores the case and accepts all these spellings; the rules only pick one.
    'void-style': 'off',
    'attribute-boolean-style': 'off',
    'attribute-empty-style': 'off',
    'attr-case': ['error', { style: ['lowercase', 'camelcase'] }],
    // React's useId() makes ids such as "_R_1b_", which are valid HTML ids (any non-empty string
    // without whitespace); the strict form wants a leading letter, as HTML 4 did.
    'valid-id': ['error', { relaxed: true }],
    // Highlighted code carries its colours in style attributes (--shiki-light/dark variables),
    // and React writes style props of Next's own elements.
    'no-inline-style': 'off',
    // aria-label names a list (the post's tags); ARIA allows it on every role that can be named.
    'aria-label-misuse': ['error', { allowAnyNamable: true }],
    // Titles are the author's words; search engines cut long ones short, nothing breaks.
    'long-title': 'off',
    // A scrolling table is a focusable <div role="region">, as the site tests expect.
    'prefer-native-element': ['error', { exclude: ['region'] }],
  },
}
