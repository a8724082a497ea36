// Types for next.config.mjs (the project type-checks without allowJs), as lib/*.d.mts do for theirs.
import type { NextConfig } from 'next'

export default function config(phase: string): NextConfig
