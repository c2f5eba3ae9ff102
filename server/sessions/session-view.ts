import type { z } from 'zod';
import type { expiryStatusSchema, Session, SessionStatus } from '../../contract/sessions';
import { SESSION_EXPIRING_SOON_DAYS } from '../../contract/session-limits';
import type { SessionRow } from '../repositories/sessions-repository';

const DAY_MS = 86_400_000;
const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/**
 * A session's status now: a past `expires_at` makes it expired on read, so nothing has to run at that moment;
 * a stored `expired` (three failed validations) stays until a refresh or a passing validation.
 */
export function statusOf(row: SessionRow, now: number): SessionStatus {
  if (row.status !== 'active') return row.status;
  return row.expires_at !== null && row.expires_at <= now ? 'expired' : 'active';
}

function expiryStatusOf(expiresAt: number | null, now: number): z.infer<typeof expiryStatusSchema> {
  if (expiresAt === null) return null;
  if (expiresAt <= now) return 'expired';
  return expiresAt - now <= SESSION_EXPIRING_SOON_DAYS * DAY_MS ? 'expiring_soon' : 'valid';
}

/** A stored session as every endpoint answers it: names of its cookies and headers, never their values. */
export function sessionView(row: SessionRow, now: number): Session {
  const cookieNames = JSON.parse(row.cookie_names) as string[];
  return {
    id: row.id,
    name: row.name,
    domain: row.domain,
    check_url: row.check_url,
    cookie_names: cookieNames,
    cookie_count: cookieNames.length,
    header_names: JSON.parse(row.header_names) as string[],
    status: statusOf(row, now),
    expires_at: iso(row.expires_at),
    expiry_status: expiryStatusOf(row.expires_at, now),
    last_validated_at: iso(row.last_validated_at),
    last_validation_result: row.last_validation_valid === null ? null : row.last_validation_valid ? 'valid' : 'invalid',
    validation_confidence: row.validation_confidence,
    consecutive_failures: row.consecutive_failures,
    last_used_at: iso(row.last_used_at),
    total_requests: row.total_requests,
    successful_requests: row.successful_requests,
    success_rate: row.total_requests === 0 ? 0 : row.successful_requests / row.total_requests,
    notes: row.notes,
    created_at: new Date(row.created_at).toISOString(),
    updated_at: new Date(row.updated_at).toISOString(),
  };
}
