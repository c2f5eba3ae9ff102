import {
  sessionListSchema,
  sessionSchema,
  sessionValidationSchema,
  type Session,
  type SessionValidation,
} from '../../../contract/sessions';
import { SESSION_LIMIT } from '../../../contract/session-limits';

export const SESSION_ID = '5e55104e-0000-4000-8000-000000000001';
export const OTHER_SESSION_ID = '5e55104e-0000-4000-8000-000000000002';

/** A healthy session of the demo web's host; fixtures go through the contract's schemas. */
export const sessionFixture = (overrides: Partial<Session> = {}): Session =>
  sessionSchema.parse({
    id: SESSION_ID,
    name: 'Demo members',
    domain: '127.0.0.1',
    check_url: 'http://127.0.0.1:8788/members',
    cookie_names: ['demo_session'],
    cookie_count: 1,
    header_names: [],
    status: 'active',
    expires_at: null,
    expiry_status: null,
    last_validated_at: null,
    last_validation_result: null,
    validation_confidence: null,
    consecutive_failures: 0,
    last_used_at: null,
    total_requests: 0,
    successful_requests: 0,
    success_rate: 0,
    notes: null,
    created_at: '2026-11-20T10:00:00.000Z',
    updated_at: '2026-11-20T10:00:00.000Z',
    ...overrides,
  });

/** GET /sessions: `in_use` counts what is not deleted, as the server does, unless a test says otherwise. */
export const sessionListFixture = (sessions: Session[], extra: { in_use?: number } = {}) =>
  sessionListSchema.parse({
    sessions,
    total: sessions.length,
    limit: SESSION_LIMIT,
    in_use: extra.in_use ?? sessions.filter((session) => session.status !== 'invalid').length,
  });

export const validationFixture = (overrides: Partial<SessionValidation> = {}): SessionValidation =>
  sessionValidationSchema.parse({
    is_valid: true,
    valid: true,
    http_status: 200,
    checked_at: '2026-11-25T10:00:00.000Z',
    confidence: 0.95,
    consecutive_failures: 0,
    reason: 'The page showed the members area, not a login form.',
    detected_user: null,
    cookies_expiring_soon: false,
    details: { url: 'http://127.0.0.1:8788/members', verdict: 'logged_in', title: 'Members', tier: '1' },
    session: sessionFixture({
      last_validated_at: '2026-11-25T10:00:00.000Z',
      last_validation_result: 'valid',
      validation_confidence: 0.95,
    }),
    ...overrides,
  });
