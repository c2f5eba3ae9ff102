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
  /** The account's balance in dollars ("$4.20"), on every answer to an identified caller (the MCP server reads it). */
  balance: 'x-alterlab-balance',
  /** low | critical | exhausted (contract/money.ts); absent when the balance is healthy. */
  balanceWarning: 'x-alterlab-balance-warning',
  /** ours, sent by the dashboard on the calls it makes by itself (value `background`); the request log records it. */
  dashboardCall: 'x-dashboard-call',
} as const;
