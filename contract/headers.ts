/** Headers of the API (seed: rate-limit headers; contract: request id) and the dashboard's own (ours). */
export const HEADER = {
  limit: 'x-ratelimit-limit',
  remaining: 'x-ratelimit-remaining',
  reset: 'x-ratelimit-reset',
  /** ours: the per-second burst window; the three above always describe the minute, as the real API's do. */
  burstLimit: 'x-ratelimit-burst-limit',
  burstRemaining: 'x-ratelimit-burst-remaining',
  requestId: 'x-request-id',
  retryAfter: 'retry-after',
  apiKey: 'x-api-key',
  authorization: 'authorization',
  /** The account's balance in dollars ("$4.20"), on every answer to an identified caller (the MCP server reads it). */
  balance: 'x-alterlab-balance',
  /** low | critical | exhausted (contract/money.ts); absent when the balance is healthy. */
  balanceWarning: 'x-alterlab-balance-warning',
  /** ours, sent by the dashboard on the calls it makes by itself (value `background`); the request log records it. */
  dashboardCall: 'x-dashboard-call',
} as const;
