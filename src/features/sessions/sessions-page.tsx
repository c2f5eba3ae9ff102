import { getRouteApi } from '@tanstack/react-router';
import { useEffect, useRef } from 'react';
import { Panel } from '../../components/panel';
import { QueryBoundary } from '../../errors/query-boundary';
import { CreateSessionDialog } from './create-session-dialog';
import { LimitMeter } from './limit-meter';
import { RefreshSessionDialog } from './refresh-session-dialog';
import { SessionDetail } from './session-detail';
import { SessionFilters } from './session-filters';
import { SessionTable } from './session-table';
import { usePageSearch } from '../../lib/route-search';
import { sessionsSearchSchema } from './search';

const route = getRouteApi('/sessions');

/**
 * Stored login sessions: how many of the limit are used, the list filtered by status and domain, one session's
 * health and history, and the forms to create and refresh one. What is open lives in the URL, so a failed
 * scrape's guidance can link straight to the refresh of its session.
 */
export function SessionsPage() {
  const search = usePageSearch(route, sessionsSearchSchema);
  const navigate = route.useNavigate();
  const heading = useRef<HTMLHeadingElement>(null);

  const closeForm = () =>
    void navigate({ search: (prev) => ({ ...prev, create: undefined, check: undefined, refresh: undefined }) });
  const showSession = (id: string) =>
    void navigate({
      search: (prev) => ({ ...prev, create: undefined, check: undefined, refresh: undefined, session: id }),
    });
  // The details that held the focus go with a deleted session: the focus starts again at the top of the page,
  // once they (and the confirmation that kept the focus inside it) are gone.
  const focusTop = useRef(false);
  const sessionDeleted = () => {
    focusTop.current = true;
    void navigate({ search: (prev) => ({ ...prev, session: undefined }) });
  };
  useEffect(() => {
    if (search.session || !focusTop.current) return;
    focusTop.current = false;
    heading.current?.focus();
  }, [search.session]);

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 ref={heading} tabIndex={-1} className="text-2xl font-semibold">
          Sessions
        </h1>
        <button
          type="button"
          onClick={() => void navigate({ search: (prev) => ({ ...prev, create: true }) })}
          className="rounded-md bg-blue-700 px-4 py-2 text-sm font-semibold text-white hover:bg-blue-800"
        >
          New session
        </button>
      </div>
      <p className="max-w-3xl text-slate-700">
        Logins to the sites you scrape, stored as cookies: scrape with a session’s id and the page is fetched signed in.
        Only cookie names are ever shown again; their values stay encrypted on the server.
      </p>
      <Panel title="Session limit">
        <QueryBoundary label="session count">
          <LimitMeter />
        </QueryBoundary>
      </Panel>
      <Panel title="Stored sessions">
        <SessionFilters status={search.status} domain={search.domain} />
        <QueryBoundary label="sessions">
          <SessionTable status={search.status} domain={search.domain} selected={search.session} />
        </QueryBoundary>
      </Panel>
      {search.session && (
        <Panel title="Session details">
          <QueryBoundary label="session">
            <SessionDetail key={search.session} id={search.session} onDeleted={sessionDeleted} />
          </QueryBoundary>
        </Panel>
      )}
      {search.create && (
        <CreateSessionDialog domain={search.check ?? search.domain} onClose={closeForm} onSaved={showSession} />
      )}
      {search.refresh && <RefreshSessionDialog id={search.refresh} onClose={closeForm} onSaved={showSession} />}
    </div>
  );
}
