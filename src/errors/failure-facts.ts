import type { ScrapeRequest } from '../../contract/scrape';
import { SCRAPE_DEFAULTS } from '../../contract/scrape-defaults';
import { credits, formatNumber } from '../lib/format';
import type { Advice } from './advise';

const count = (value: number, one: string, many: string) => `${formatNumber(value)} ${value === 1 ? one : many}`;

/**
 * What this failure knows beyond its code's words: the credits it needed and had, the timeout it ran with. The
 * catalog says what the code means in general; these say what happened to this request.
 */
export function failureFacts(advice: Advice, request: ScrapeRequest | undefined): string[] {
  const facts: string[] = [];
  const details = advice.failure.details ?? {};
  const { required_credits: required, available_credits: available } = details;
  if (typeof required === 'number' && typeof available === 'number') {
    facts.push(`This request needs ${credits(required)}, you have ${credits(available)}.`);
  }
  const { code, status } = advice.entry;
  if (request && (code === 'TIMEOUT' || status === 504)) {
    const sent = typeof request.timeout === 'number' ? request.timeout : undefined;
    const timeout = sent ?? SCRAPE_DEFAULTS.timeout;
    const which = sent === undefined ? 'the default timeout' : 'the timeout this request set';
    facts.push(`It ran with ${which}: ${count(timeout, 'second', 'seconds')}.`);
  }
  return facts;
}

/** The tries the dashboard already made on its own, said once on the card. */
export function triesMade(attempts: number | undefined): string | null {
  if (attempts === undefined || attempts < 2) return null;
  const retries = attempts - 1;
  return `The dashboard already sent it ${count(attempts, 'time', 'times')} (${count(retries, 'automatic retry', 'automatic retries')}).`;
}
