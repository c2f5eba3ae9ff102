import { useSuspenseQuery } from '@tanstack/react-query';
import { useEffect, useRef, type ReactNode } from 'react';
import { sessionQueries } from '../../api/sessions';
import { SessionStatusLabel } from '../../components/session-status';
import { QueryBoundary } from '../../errors/query-boundary';
import { formatDateTime } from '../../lib/format';
import { useNow } from '../../lib/use-now';
import { CookieNames, ExpiryText, LastCheck, LastUsed, SuccessRate } from './session-cells';
import { SessionActions } from './session-actions';
import { SessionRequests } from './session-requests';

/** One session: its facts, what can be done with it, and the requests that used it. */
export function SessionDetail({ id, onDeleted }: { id: string; onDeleted: () => void }) {
  const { data: session } = useSuspenseQuery(sessionQueries.detail(id));
  const now = useNow(false);
  const heading = useRef<HTMLHeadingElement>(null);
  // Opened from the list (or a link): take the keyboard to it, so the details are not left behind the table.
  useEffect(() => heading.current?.focus(), []);

  return (
    <div className="space-y-4 text-sm">
      <h3 ref={heading} tabIndex={-1} className="text-lg font-semibold">
        {session.name}
      </h3>
      <dl className="grid gap-x-6 gap-y-3 sm:grid-cols-2 lg:grid-cols-3">
        <Fact label="Domain">
          <code className="font-mono">{session.domain}</code>
        </Fact>
        <Fact label="Status">
          <SessionStatusLabel status={session.status} />
        </Fact>
        <Fact label="Expiry">
          <ExpiryText session={session} now={now} />
          {session.expires_at && <span className="block text-slate-600">{formatDateTime(session.expires_at)}</span>}
        </Fact>
        <Fact label={`Cookies (${session.cookie_count})`}>
          <CookieNames names={session.cookie_names} all />
        </Fact>
        <Fact label="Headers">
          <CookieNames names={session.header_names} all />
        </Fact>
        <Fact label="Checked at">
          <code className="font-mono break-all">{session.check_url}</code>
        </Fact>
        <Fact label="Last validated">
          <LastCheck session={session} now={now} />
        </Fact>
        <Fact label="Success rate">
          <SuccessRate session={session} />
        </Fact>
        <Fact label="Last used">
          <LastUsed session={session} now={now} />
        </Fact>
        <Fact label="Notes">{session.notes ?? <span className="text-slate-600">None</span>}</Fact>
        <Fact label="Created">{formatDateTime(session.created_at)}</Fact>
        <Fact label="Id">
          <code className="font-mono break-all">{session.id}</code>
        </Fact>
      </dl>
      <SessionActions session={session} onDeleted={onDeleted} />
      <section aria-labelledby="session-requests-heading" className="space-y-2">
        <h4 id="session-requests-heading" className="font-semibold">
          Requests that used this session
        </h4>
        <QueryBoundary label="requests that used this session">
          <SessionRequests id={session.id} />
        </QueryBoundary>
      </section>
    </div>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt className="text-slate-600">{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}
