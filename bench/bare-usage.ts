/** What the bench's bare routes answer to `GET /usage`: one fixed object, the same for each of them. */
export const BARE_USAGE = {
  balance_credits: 1_000_000,
  credits_used: 0,
  requests_count: 0,
  subscription_tier: 'high_volume',
};
