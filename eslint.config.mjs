// Lint rules: Next's own (React, hooks, accessibility, Core Web Vitals) and typescript-eslint's
// recommended set. Formatting and import order are Prettier's (prettier.config.mjs), not ESLint's.
import nextVitals from 'eslint-config-next/core-web-vitals'
import nextTypeScript from 'eslint-config-next/typescript'

const config = [
  ...nextVitals,
  ...nextTypeScript,
  {
    ignores: [
      '.next*/**',
      'out/**',
      'node_modules/**',
      'schemas/**',
      'data/**',
      'next-env.d.ts',
      'bench/results/**',
      'bench/work/**',
      'tests/fixtures/**',
    ],
  },
  {
    rules: {
      // Unused names are mistakes, except the ones named _ on purpose (destructured away).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      // Post images are files served as they are (sizes known at build time): next/image would
      // add a server-side optimiser that a static export does not have.
      '@next/next/no-img-element': 'off',
    },
  },
  {
    // The house rule (STYLE.md): a function in lib/ fits on a screen. Test files are not held to it.
    files: ['lib/**/*.ts', 'lib/**/*.tsx'],
    rules: {
      'max-lines-per-function': ['error', { max: 60, skipBlankLines: true, skipComments: true }],
      // lib/ is below components/ in the data flow: it never imports them.
      'no-restricted-imports': [
        'error',
        {
          patterns: [{ group: ['@/components/*', '**/components/*'], message: 'lib/ does not import components/: pass what it needs in.' }],
        },
      ],
    },
  },
]

export default config
