/** Content-Security-Policy of the site (see security-headers.mjs for each directive's reason). */
export function contentSecurityPolicy(options?: { dev?: boolean; connect?: readonly string[] }): string
/** The <meta> policy of every page: frames only from `origins`, the embeds in use. */
export function framePolicy(origins: readonly string[]): string
/** Every security header but the CSP. */
export const securityHeaders: ReadonlyArray<{ key: string; value: string }>
/** Content-Security-Policy for SVG files: no script, sandboxed. */
export const svgPolicy: string
