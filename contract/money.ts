/**
 * The one conversion between the sandbox's credits and money (ours). The public API bills in "microcents",
 * 1,000,000 to the dollar (the Python SDK divides `credits_available` by 1,000,000), and charges $0.0002 for a
 * tier-1 scrape; a sandbox credit is a tier-1 scrape, so one credit is $0.0002 = 200 microcents, and tier 4's
 * 20 credits are the $0.004 the newest clients list for a browser scrape.
 */
const MICROCENTS_PER_CREDIT = 200;
const MICROCENTS_PER_DOLLAR = 1_000_000;
const MICROCENTS_PER_CENT = MICROCENTS_PER_DOLLAR / 100;

export const creditsToMicrocents = (credits: number) => Math.round(credits * MICROCENTS_PER_CREDIT);
export const creditsToDollars = (credits: number) => (credits * MICROCENTS_PER_CREDIT) / MICROCENTS_PER_DOLLAR;
export const creditsToCents = (credits: number) => (credits * MICROCENTS_PER_CREDIT) / MICROCENTS_PER_CENT;
export const dollarsToCredits = (dollars: number) => (dollars * MICROCENTS_PER_DOLLAR) / MICROCENTS_PER_CREDIT;

// Made on first use: in a browser, a page's first Intl object sets up the locale data, which a first paint need not
// wait for (digits.ts).
let dollars: Intl.NumberFormat | undefined;
const dollarFormat = () =>
  (dollars ??= new Intl.NumberFormat('en-US', {
    style: 'currency',
    currency: 'USD',
    minimumFractionDigits: 2,
    // A balance of a few credits is fractions of a cent: shown, rather than rounded to "$0.00".
    maximumFractionDigits: 4,
  }));

/** "$4.20": how `X-AlterLab-Balance` and `balance_display` write a balance of credits. */
export const formatCreditsAsDollars = (credits: number) => dollarFormat().format(creditsToDollars(credits));

type BalanceWarning = 'low' | 'critical' | 'exhausted';

/**
 * `X-AlterLab-Balance-Warning`, with the MCP server's thresholds (it reads the header and says why): nothing left,
 * under $0.10, under $0.50. A healthy balance sends no warning header.
 */
export function balanceWarningOf(credits: number): BalanceWarning | null {
  const dollars = creditsToDollars(credits);
  if (dollars <= 0) return 'exhausted';
  if (dollars < 0.1) return 'critical';
  if (dollars < 0.5) return 'low';
  return null;
}
