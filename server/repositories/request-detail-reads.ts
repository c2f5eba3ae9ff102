import type Database from 'better-sqlite3';
import {
  answeredRateLimitSchema,
  type AnsweredRateLimit,
  type ErrorGroup,
  type RequestErrors,
  type RequestDetail,
  type RequestErrorsFilter,
} from '../../contract/request-detail';
import { escalationSchema } from '../../contract/scrape';
import { HEADER } from '../../contract/headers';
import { ENTRY_COLUMNS, ENTRY_FROM, type EntryRow } from './request-log-pages';

const DAY_MS = 86_400_000;

/** What GET /requests/{id} reads beyond the entry (request-detail-migration.ts), before it is shaped for the answer. */
export interface DetailRow extends EntryRow {
  message: string | null;
  parameters: string | null;
  estimated_credits: number | null;
  escalations: string | null;
  rate_limit: string | null;
  cached: number;
  session_name: string | null;
  /** An async request's job: its result or failure (JSON), which hold the tiers tried. */
  job_result: string | null;
  job_failure: string | null;
}

const parsed = (json: string | null): unknown => {
  if (json === null) return null;
  try {
    return JSON.parse(json) as unknown;
  } catch {
    return null;
  }
};

const headerNumber = (headers: Record<string, unknown>, name: string) => {
  const value = Number(headers[name]);
  return Number.isFinite(value) && headers[name] !== undefined ? value : null;
};

/** The stored X-RateLimit-* headers as numbers. */
function rateLimitOf(json: string | null): AnsweredRateLimit | null {
  const headers = parsed(json);
  if (!headers || typeof headers !== 'object') return null;
  const record = headers as Record<string, unknown>;
  return answeredRateLimitSchema.parse({
    limit: headerNumber(record, HEADER.limit),
    remaining: headerNumber(record, HEADER.remaining),
    reset: headerNumber(record, HEADER.reset),
    burst_limit: headerNumber(record, HEADER.burstLimit),
    burst_remaining: headerNumber(record, HEADER.burstRemaining),
  });
}

const escalationsOf = (json: string | null) => {
  const result = escalationSchema.array().safeParse(parsed(json));
  return result.success ? result.data : [];
};

const parametersOf = (json: string | null) => {
  const value = parsed(json);
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
};

/** The detail as answered, but for doc_url, which depends on where the dashboard is reached. */
/** What a job's stored result or failure says of its tiers and, failed, its message. */
function jobFacts(row: DetailRow): { escalations: string | null; message: string | null } {
  const result = parsed(row.job_result) as { billing?: { escalations?: unknown } } | null;
  const failure = parsed(row.job_failure) as { message?: unknown; details?: { escalations?: unknown } } | null;
  const escalations = result?.billing?.escalations ?? failure?.details?.escalations;
  return {
    escalations: escalations === undefined ? null : JSON.stringify(escalations),
    message: typeof failure?.message === 'string' ? failure.message : null,
  };
}

function detailOf(row: DetailRow): Omit<RequestDetail, 'doc_url'> {
  const job = jobFacts(row);
  const {
    message,
    parameters,
    estimated_credits,
    escalations,
    rate_limit,
    cached,
    session_name,
    job_result: _result,
    job_failure: _failure,
    ...entry
  } = row;
  return {
    ...entry,
    duration_ms: Math.round(entry.duration_ms * 10) / 10,
    at: new Date(entry.at).toISOString(),
    parameters: parametersOf(parameters),
    response: {
      status: entry.status,
      code: entry.code,
      message: message ?? job.message,
      duration_ms: Math.round(entry.duration_ms * 10) / 10,
    },
    billing: {
      estimated_credits,
      credits_charged: entry.credits_charged,
      credits_refunded: entry.credits_refunded,
      refunded: entry.credits_refunded > 0,
      tier_used: entry.tier,
      escalations: escalationsOf(escalations ?? job.escalations),
      cached: cached === 1,
    },
    session: entry.session_id ? { id: entry.session_id, name: session_name } : null,
    rate_limit: rateLimitOf(rate_limit),
  };
}

const isoDay = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);

export function createRequestDetailReads(db: Database.Database) {
  // The session's name is the account's own session's: an id alone never reveals another account's name.
  const detail = db.prepare<[string, string], DetailRow>(
    `SELECT ${ENTRY_COLUMNS}, r.message, r.parameters, r.estimated_credits, r.escalations, r.rate_limit,
            coalesce(s.cached, 0) AS cached,
            (SELECT name FROM sessions WHERE id = r.session_id AND account_id = r.account_id) AS session_name,
            j.result_json AS job_result, j.error_json AS job_failure
       FROM ${ENTRY_FROM} LEFT JOIN jobs j ON j.request_id = r.request_id AND j.account_id = r.account_id
      WHERE r.request_id = ? AND r.account_id = ?`,
  );
  // The period's days of the roll-up, one range of its primary key.
  const failureDays = db.prepare<
    { accountId: string; from: number; to: number },
    { day: number; code: string; domain: string; n: number; refunded: number }
  >(
    `SELECT day, code, domain, n, refunded FROM request_day_code_domains
      WHERE account_id = @accountId AND day >= @from AND day < @to AND n > 0`,
  );

  return {
    detail(accountId: string, requestId: string) {
      const row = detail.get(requestId, accountId);
      return row ? detailOf(row) : null;
    },

    errors(accountId: string, filter: RequestErrorsFilter): RequestErrors {
      const from = Math.floor(filter.since / DAY_MS);
      const to = Math.ceil(filter.until / DAY_MS);
      const days = Array.from({ length: to - from }, (_, index) => from + index);
      const groups = new Map<string, ErrorGroup>();
      for (const row of failureDays.all({ accountId, from, to })) {
        const code = filter.group === 'domain' ? null : row.code;
        const domain = filter.group === 'code' ? null : row.domain;
        const key = JSON.stringify([code, domain]);
        let group = groups.get(key);
        if (!group) {
          group = { code, domain, count: 0, refunded_credits: 0, trend: days.map(() => 0) };
          groups.set(key, group);
        }
        group.count += row.n;
        group.refunded_credits += row.refunded;
        group.trend[row.day - from]! += row.n;
      }
      const sorted = [...groups.values()].sort(
        (a, b) =>
          b.count - a.count ||
          (a.code ?? '').localeCompare(b.code ?? '') ||
          (a.domain ?? '').localeCompare(b.domain ?? ''),
      );
      return { days: days.map(isoDay), group: filter.group, groups: sorted };
    },
  };
}
