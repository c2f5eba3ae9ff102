import type { ReactNode } from 'react';
import type { SessionValidation } from '../../../contract/sessions';
import { SESSION_MAX_FAILURES } from '../../../contract/session-limits';
import { formatDateTime, formatPercent } from '../../lib/format';

/** What the check saw: the verdict first, then the page it fetched and how sure it is. */
export function ValidationResult({ validation }: { validation: SessionValidation }) {
  const { is_valid: valid, details } = validation;
  const failures = validation.consecutive_failures;
  return (
    <section
      aria-label="Validation result"
      className={`space-y-2 rounded-md border-l-4 p-3 ${valid ? 'border-green-700 bg-green-50' : 'border-red-700 bg-red-50'}`}
    >
      <p className="font-semibold">
        <span aria-hidden="true">{valid ? '✓ ' : '✕ '}</span>
        {valid ? 'Still logged in' : 'Not logged in'}
        {validation.detected_user && ` as ${validation.detected_user}`}
      </p>
      <p>{validation.reason}</p>
      <dl className="grid gap-x-6 gap-y-1 sm:grid-cols-2">
        <Item label="Verdict">
          <code className="font-mono">{details.verdict}</code>
        </Item>
        <Item label="Page">
          <code className="font-mono break-all">{details.url}</code>
          {validation.http_status !== null && ` (HTTP ${validation.http_status})`}
        </Item>
        <Item label="Page title">{details.title ?? 'none'}</Item>
        <Item label="Confidence">{formatPercent(validation.confidence)}</Item>
        <Item label="Failed checks in a row">
          {failures} of {SESSION_MAX_FAILURES}
          {failures > 0 && failures < SESSION_MAX_FAILURES && ' (then it is marked expired)'}
        </Item>
        <Item label="Checked">{formatDateTime(validation.checked_at)}</Item>
      </dl>
      {validation.cookies_expiring_soon && (
        <p className="font-medium text-amber-900">
          <span aria-hidden="true">⚠ </span>Its cookies expire soon: refresh them before they do.
        </p>
      )}
    </section>
  );
}

function Item({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt className="inline text-slate-700">{label}: </dt>
      <dd className="inline">{children}</dd>
    </div>
  );
}
