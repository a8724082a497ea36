/** Thrown for a base path Inkwell cannot serve under; the message names where it came from. */
export class BasePathError extends Error {}
/** `value` as a base path: '' or `/a/b` (leading slash, no trailing one); throws a BasePathError naming `source`. */
export function normalizeBasePath(value: string | undefined, source?: string): string
/** The base path for `env` and the site.yaml URL: INKWELL_BASE_PATH wins, else the path of SITE_URL, else of `siteUrl`. */
export function basePathFrom(env: Record<string, string | undefined>, siteUrl?: string): string
/** The base path of this build ('' or '/blog'). */
export function basePath(): string
/** The base path from `env` and `cwd`/content/site.yaml (INKWELL_CONTENT_DIR), as next.config.mjs resolves it. Node only. */
export function siteBasePath(env?: Record<string, string | undefined>, cwd?: string): string
/** A root-relative path under the base path (`/posts/a` → `/blog/posts/a`, `/` → `/blog`); other URLs as they are. */
export function withBasePath(path: string, base?: string): string
/** `pathname` without the base path (`/blog/posts/a` → `/posts/a`); undefined outside it. */
export function stripBasePath(pathname: string, base?: string): string | undefined
