// Limits a comment must meet, in a file of its own so the browser's form can use them without the database code.

/** Longest name, website and comment (characters); more links than this send a comment to the queue. */
export const LIMITS = { name: 80, website: 200, body: 5_000, links: 3 }
/** A form must be at least this old when sent (people read and type; bots do not), and at most a day. */
export const FORM_AGE = { minMs: 3_000, maxMs: 86_400_000 }
