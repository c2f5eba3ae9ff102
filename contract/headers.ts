/** Response headers every call carries (seed: rate-limit headers; contract: request id). */
export const HEADER = {
  limit: 'x-ratelimit-limit',
  remaining: 'x-ratelimit-remaining',
  reset: 'x-ratelimit-reset',
  /** ours: which window the three values above describe (`minute` or `second`). */
  window: 'x-ratelimit-window',
  requestId: 'x-request-id',
  retryAfter: 'retry-after',
  apiKey: 'x-api-key',
  authorization: 'authorization',
} as const;
