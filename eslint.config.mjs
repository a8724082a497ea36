// Lint rules: Next's own (React, hooks, accessibility, Core Web Vitals) and typescript-eslint's
// recommended set. Formatting and import order are Prettier's (prettier.config.mjs), not ESLint's.
import nextVitals from 'eslint-config-next/core-web-vitals'
import nextTypeScript from 'eslint-config-next/typescript'

const config = [
  ...nextVitals,
  ...nextTypeScript,
  {
    ignores: ['.next*/**', 'out/**', 'node_modules/**', 'schemas/**', 'data/**', 'next-env.d.ts', 'bench/results/**', 'tests/fixtures/**'],
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
]

export default config
