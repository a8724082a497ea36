// Formatting, and one import order: node built-ins, packages, then our own modules (@/ and relative).
const config = {
  semi: false,
  singleQuote: true,
  printWidth: 140,
  trailingComma: 'all',
  plugins: ['@ianvs/prettier-plugin-sort-imports'],
  importOrder: ['<BUILTIN_MODULES>', '<THIRD_PARTY_MODULES>', '', '^@/(.*)$', '^[./]'],
}

export default config
