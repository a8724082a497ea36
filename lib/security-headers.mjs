// The site's security headers, in one place: next.config.mjs sends them from `next start`,
// deploy/nginx.conf repeats them for the static export (tests/deploy/nginx-conf.test.ts keeps it
// in step), and `npm run export` writes them to the export's _headers (lib/static-host).
// Plain .mjs because next.config.mjs imports it; it reads nothing and has no side effects.

/**
 * Content-Security-Policy directives: only what the site uses.
 *
 * script-src needs 'unsafe-inline'. Every App Router page carries inline scripts that Next.js
 * writes (the RSC payload, `self.__next_f.push(…)`) and that differ per page. A nonce would make
 * every page dynamic, and cannot exist in a static export at all; a static header cannot list
 * per-page scripts by hash. Adding even one hash (say, of the theme script) would make browsers
 * ignore 'unsafe-inline' and block Next's own scripts, so the theme script is allowed by
 * 'unsafe-inline' too. What 'unsafe-inline' still allows is an inline <script> element or a
 * javascript: URL that reaches the page: posts cannot carry either (lib/content/html-policy.ts
 * refuses them unless site.yaml sets trustedHtml: true). What the policy stops on its own: inline
 * event handlers (script-src-attr), scripts and workers from any other origin, frames other than
 * the embeds in use (with each page's <meta> policy), plugins,
 * <base> hijacking, forms posting elsewhere, being framed. 'wasm-unsafe-eval' lets Pagefind's
 * search compile its WebAssembly; it does not allow eval() of JavaScript.
 *
 * @param {{ dev?: boolean, connect?: readonly string[] }} [options] next dev also needs 'unsafe-eval'
 *   (React's debugging aids) and websockets for hot reload; `connect` adds origins pages fetch from
 *   (an export's `comments.endpoint`).
 * @returns {string}
 */
export function contentSecurityPolicy({ dev = false, connect = [] } = {}) {
  return [
    "default-src 'self'",
    `script-src 'self' 'unsafe-inline' 'wasm-unsafe-eval'${dev ? " 'unsafe-eval'" : ''}`,
    // React never writes inline event handler attributes, so this blocks every onerror=-style injection.
    "script-src-attr 'none'",
    // Highlighted code carries its colours in style attributes (--shiki-light/dark).
    "style-src 'self' 'unsafe-inline'",
    // Posts may show remote images (<Figure src="https://…">) from any host; images run no code.
    "img-src 'self' data: https:",
    // Posts may have <video> and <audio> from any host, like images.
    "media-src 'self' https:",
    "font-src 'self'",
    ["connect-src 'self'", ...connect, ...(dev ? ['ws:', 'wss:'] : [])].join(' '),
    // Pagefind runs its search in /pagefind/pagefind-worker.js, a file of our own (no blob: worker).
    "worker-src 'self'",
    "manifest-src 'self'",
    // Embeds (<YouTube>, <Embed>, …) load a player from another origin once the reader clicks.
    // Which origins a site's posts use is known only once content is loaded, and this header is
    // static (nginx repeats it): so it allows any https frame, and every page narrows that to
    // exactly the origins in use with a <meta> policy (framePolicy below, app/layout.tsx).
    'frame-src https:',
    "object-src 'none'",
    // Nothing uses <base>: every link is a path or a full address.
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ')
}

/**
 * The second policy of every page, in a <meta> element: frames only from the origins the posts'
 * embeds use ('none' for a site without embeds). A browser enforces both policies, so a frame
 * must pass this one and the header's. The same on every page, never per post: a reader who
 * follows a link without a reload keeps the first page's policy.
 *
 * @param {readonly string[]} origins
 * @returns {string}
 */
export function framePolicy(origins) {
  return `frame-src ${origins.length ? origins.join(' ') : "'none'"}`
}

/**
 * The policy for SVG files (post images, the icon): an SVG opened on its own is a document that
 * could run script from our origin; this one can run nothing and is sandboxed.
 */
export const svgPolicy = "default-src 'none'; style-src 'unsafe-inline'; sandbox"

/**
 * Every header but the CSP, each with its reason.
 * @type {ReadonlyArray<{ key: string, value: string }>}
 */
export const securityHeaders = [
  // Never guess a type: a post's .txt or .svg is not run as script or HTML.
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  // Other sites see our origin, never the path a reader came from.
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  // A blog needs none of these; no embedded content may ask for them either.
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), payment=(), usb=()' },
  // For browsers that predate frame-ancestors.
  { key: 'X-Frame-Options', value: 'DENY' },
]
