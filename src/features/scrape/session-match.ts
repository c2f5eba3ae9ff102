import { domainCovers } from '../../../contract/session-domain';
import type { Session } from '../../../contract/sessions';

const lastUsed = (session: Session) => (session.last_used_at ? Date.parse(session.last_used_at) : 0);

/**
 * The sessions that may be sent to `host`, in the order to try them: active ones first, then the most recently
 * used (never used last); otherwise the list's order. The picker lists them so, and the "use a stored session"
 * fix takes the first active one, so the session the fix picks is the one listed first.
 */
export function sessionsForHost(sessions: readonly Session[], host: string | null): Session[] {
  if (!host) return [];
  const rank = (session: Session) => (session.status === 'active' ? 0 : 1);
  return sessions
    .filter((session) => domainCovers(session.domain, host))
    .sort((a, b) => rank(a) - rank(b) || lastUsed(b) - lastUsed(a));
}

/** The session a scrape of `host` can use as it is: the first active one of `sessionsForHost`. */
export const activeSessionFor = (sessions: readonly Session[], host: string | null): Session | undefined =>
  sessionsForHost(sessions, host).find((session) => session.status === 'active');
