import type { ScrapeRequestParsed } from '../../contract/scrape';
import { domainCovers, urlHost } from '../../contract/session-domain';
import type { Clock } from '../clock';
import type { SessionRow } from '../repositories/sessions-repository';
import type { TierRequest } from '../scraper/types';
import { sessionDomainMismatch, sessionExpired, sessionInactive, sessionNotFound } from './session-failures';
import type { SessionsService } from './sessions-service';
import { statusOf } from './session-view';

/** What the tiers send for a scrape: its cookies, and a stored session's headers and domain. */
export interface ScrapeCredentials {
  cookies: Record<string, string>;
  session: Pick<TierRequest, 'headers' | 'credentialDomain'>;
}

/**
 * A scrape's stored session (`session_id`, top level or `advanced.`). Checked before anything is held or charged:
 * unknown or another account's → 404, deleted → 410 SESSION_INACTIVE, expired → 410 SESSION_EXPIRED, a URL off
 * its domain → 400. Its values are opened only when the tiers run, so a queued job stores the id, never them,
 * and a session deleted while its job waited refuses the job, uncharged.
 */
export function sessionsForScrapes(sessions: SessionsService, clock: Clock) {
  function usable(accountId: string, request: ScrapeRequestParsed): SessionRow | null {
    const id = request.session_id;
    if (!id) return null;
    const row = sessions.find(accountId, id);
    if (!row) throw sessionNotFound(id);
    const status = statusOf(row, clock.now());
    if (status === 'invalid') throw sessionInactive(id);
    if (status === 'expired')
      throw sessionExpired(id, row.expires_at === null ? null : new Date(row.expires_at).toISOString());
    const host = urlHost(request.url) ?? request.url;
    if (!domainCovers(row.domain, host)) throw sessionDomainMismatch(id, row.domain, host);
    return row;
  }

  return {
    check(accountId: string, request: ScrapeRequestParsed): void {
      usable(accountId, request);
    },

    credentials(accountId: string, request: ScrapeRequestParsed): ScrapeCredentials {
      const row = usable(accountId, request);
      if (!row) return { cookies: request.cookies ?? {}, session: {} };
      const { cookies, headers } = sessions.credentialsOf(row);
      return { cookies, session: { headers, credentialDomain: row.domain } };
    },

    /** Once the tiers have run with the session: its counters and last use. */
    used(accountId: string, request: ScrapeRequestParsed, ok: boolean): void {
      if (request.session_id) sessions.recordUse(accountId, request.session_id, ok);
    },
  };
}

export type SessionsForScrapes = ReturnType<typeof sessionsForScrapes>;
