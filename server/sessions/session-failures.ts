import { fail } from '../errors';

/** Unknown and another account's id answer the same bytes: nothing tells one from the other. */
export const sessionNotFound = (id: string) =>
  fail('SESSION_NOT_FOUND', `No session ${id} for this account`, { details: { session_id: id } });

export const sessionInactive = (id: string) =>
  fail('SESSION_INACTIVE', `Session ${id} was deleted: create a new one for this site`, {
    details: { session_id: id },
  });

export const sessionExpired = (id: string, expiresAt: string | null) =>
  fail('SESSION_EXPIRED', `Session ${id} has expired: refresh its cookies`, {
    status: 410,
    details: { session_id: id, expires_at: expiresAt },
  });

export const sessionDomainMismatch = (id: string, domain: string, host: string) =>
  fail('SESSION_DOMAIN_MISMATCH', `Session ${id} is for ${domain}, not ${host}`, {
    details: { field: 'url', session_id: id, session_domain: domain, url_host: host },
  });

/** A field of a create or an edit that only the stored session can check (the check URL against its domain). */
export const sessionFieldInvalid = (field: string, message: string) =>
  fail('INVALID_REQUEST', `${field}: ${message}`, { details: { field, issues: [{ field, message }] } });
