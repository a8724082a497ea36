/** How a webhook delivery is retried: waits between attempts, in milliseconds. */
export const WEBHOOK_BACKOFF = [1_000, 5_000, 30_000]

/**
 * POSTs `payload` as JSON to `url`, retrying with backoff on errors and non-2xx answers. Callers do
 * not await it: a slow or broken receiver never delays the reader. Resolves true once delivered.
 */
export async function deliverWebhook(url: string, payload: unknown, backoff = WEBHOOK_BACKOFF): Promise<boolean> {
  for (let attempt = 0; attempt <= backoff.length; attempt++) {
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'user-agent': 'Inkwell comments webhook' },
        body: JSON.stringify(payload),
        signal: AbortSignal.timeout(10_000),
      })
      if (response.ok) return true
    } catch {
      // Retried below.
    }
    if (attempt < backoff.length) await new Promise((resolve) => setTimeout(resolve, backoff[attempt]))
  }
  console.error(`inkwell: the comment webhook ${new URL(url).origin} did not accept a notification after ${backoff.length + 1} attempts`)
  return false
}
