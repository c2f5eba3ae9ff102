import type { SessionValidation } from '../../contract/sessions';
import type { Clock } from '../clock';
import type { SessionRow, SessionsRepository } from '../repositories/sessions-repository';
import type { TargetGuard } from '../scraper/target-guard';
import { checkLogin, type SessionCredentials } from './login-check';
import { sessionView } from './session-view';

interface ValidationDeps {
  live(accountId: string, id: string): SessionRow;
  credentialsOf(row: SessionRow): SessionCredentials;
  repo: SessionsRepository;
  clock: Clock;
  guard: TargetGuard;
}

/**
 * POST /sessions/{id}/validate: the check (login-check.ts), then its verdict recorded. Any failed check counts
 * toward SESSION_MAX_FAILURES in a row, after which the session is expired; a passing one resets the count and
 * makes it active again. Free of charge: nothing is scraped for the user. A check URL the target guard refuses
 * is a 400 that records nothing: the session was never tried.
 */
export function validateWith(deps: ValidationDeps) {
  return async (accountId: string, id: string): Promise<SessionValidation> => {
    const row = deps.live(accountId, id);
    const credentials = deps.credentialsOf(row);
    const check = await checkLogin({ url: row.check_url, credentialDomain: row.domain, ...credentials }, deps.guard);
    const checkedAt = deps.clock.now();
    deps.repo.recordValidation(accountId, id, { valid: check.valid, confidence: check.confidence, at: checkedAt });
    // Deleted while the check ran: the verdict is not recorded, and the answer shows the session as it is.
    const session = sessionView(deps.repo.find(accountId, id) ?? row, deps.clock.now());
    return {
      is_valid: check.valid,
      valid: check.valid,
      http_status: check.httpStatus,
      checked_at: new Date(checkedAt).toISOString(),
      confidence: check.confidence,
      consecutive_failures: session.consecutive_failures,
      reason: check.reason,
      detected_user: null,
      cookies_expiring_soon: session.expiry_status === 'expiring_soon',
      details: { url: row.check_url, verdict: check.verdict, title: check.title, tier: check.tier },
      session,
    };
  };
}
