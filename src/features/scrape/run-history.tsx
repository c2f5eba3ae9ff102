import { Link } from '@tanstack/react-router';
import { useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import type { ScrapeRequest } from '../../../contract/scrape';
import { Panel } from '../../components/panel';
import { credits, formatDateTime } from '../../lib/format';
import { useRunHistoryStore, type HistoryEntry, type HistoryOutcome } from './run-history-store';

const BUTTON = 'rounded-md border border-slate-400 bg-white px-3 py-1.5 text-sm font-medium hover:bg-slate-50';

/** The runs made in this browser, newest first; one click puts a request back in the form (cookie values blank). */
export function RunHistory({ onReopen }: { onReopen: (request: ScrapeRequest) => void }) {
  const entries = useRunHistoryStore((state) => state.entries);
  const historyCleared = useRunHistoryStore((state) => state.historyCleared);
  const [status, setStatus] = useState('');

  const reopen = (entry: HistoryEntry) => {
    onReopen(entry.request);
    const blanked = Object.keys(entry.request.cookies ?? {}).length > 0 ? ' Type the cookie values again.' : '';
    setStatus(`Loaded ${entry.request.url} into the form.${blanked}`);
  };

  const empty = useRef<HTMLParagraphElement>(null);

  const clear = () => {
    // The button goes with the list: the focus moves to what replaces it rather than falling to the page's start.
    flushSync(() => {
      historyCleared();
      setStatus('History cleared.');
    });
    empty.current?.focus();
  };

  return (
    <Panel
      title="Recent runs"
      actions={
        entries.length > 0 && (
          <button type="button" className={BUTTON} onClick={clear}>
            Clear history
          </button>
        )
      }
    >
      {entries.length === 0 ? (
        <p ref={empty} tabIndex={-1} className="text-sm text-slate-700">
          No runs yet in this browser. Runs you make here are listed, newest first.
        </p>
      ) : (
        <ol className="divide-y divide-slate-100">
          {entries.map((entry) => (
            <li key={entry.id} className="flex flex-wrap items-center gap-x-4 gap-y-1 py-2 text-sm">
              <div className="min-w-0 flex-1">
                <p className="truncate font-mono" title={entry.request.url}>
                  {entry.request.url}
                </p>
                <p className="text-slate-600">
                  <time dateTime={entry.at}>{formatDateTime(entry.at)}</time> · <OutcomeText outcome={entry.outcome} />
                </p>
              </div>
              <button type="button" className={BUTTON} onClick={() => reopen(entry)}>
                Reopen <span className="sr-only">{entry.request.url} in the form</span>
              </button>
            </li>
          ))}
        </ol>
      )}
      <p role="status" className="mt-2 text-sm text-slate-700">
        {status}
      </p>
    </Panel>
  );
}

/** "200 · tier 1 · 1 credit", or the status and the error code, linked to its guidance. */
function OutcomeText({ outcome }: { outcome: HistoryOutcome }) {
  if (!outcome.ok || outcome.code) {
    const code = outcome.code ?? `HTTP_${outcome.status}`;
    return (
      <>
        {outcome.status === 0 ? 'no response' : outcome.status} ·{' '}
        <Link
          to="/errors/$code"
          params={{ code }}
          search={{ status: outcome.status || undefined }}
          className="font-mono text-red-800 underline"
        >
          {code}
        </Link>
      </>
    );
  }
  const parts = [String(outcome.status)];
  if (outcome.tier) parts.push(`tier ${outcome.tier}`);
  if (outcome.credits !== null) parts.push(credits(outcome.credits));
  if (outcome.cached) parts.push('cached');
  return <>{parts.join(' · ')}</>;
}
