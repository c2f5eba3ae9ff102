import type { ReactNode } from 'react';
import { RETRY_SCHEDULE } from '../../../contract/http-statuses';
import type { FixAction } from '../../errors/catalog';
import { GuidanceCard } from '../../errors/guidance-card';
import { CutOffNotice } from './cut-off-notice';
import { JobProgress } from './job-progress';
import { ResultViewer } from './result-viewer';
import { runAnnouncement } from './run-announcement';
import { useKeepFocus } from './use-keep-focus';
import type { ScrapeRun } from './use-scrape-run';
import { WaitingNotice } from './waiting-notice';

const BUTTON = 'rounded-md border px-3 py-1.5 text-sm font-medium';
const SECONDARY = `${BUTTON} border-slate-400 bg-white text-slate-900 hover:bg-slate-50`;
const PRIMARY = `${BUTTON} border-slate-900 bg-slate-900 text-white hover:bg-slate-700`;

/** The run's progress, then its result or the guidance for its failure. */
export function RunPanel({ run, onFix }: { run: ScrapeRun; onFix: (fix: FixAction) => void }) {
  const { state } = run;
  const { section, heading } = useKeepFocus(state.phase, run.started);
  const cancel = (
    <button type="button" className={SECONDARY} onClick={run.cancel}>
      Cancel
    </button>
  );

  let body: ReactNode;
  switch (state.phase) {
    case 'idle':
      body = (
        <p className="text-sm text-slate-700">
          Build a request and press Run scrape: the page, what it cost, the tier that got it and any error with its fix
          appear here.
        </p>
      );
      break;
    case 'running':
      body = (
        <Row actions={cancel}>
          <p className="font-medium">
            Scraping… (try {state.attempt} of {RETRY_SCHEDULE.maxAttempts})
          </p>
        </Row>
      );
      break;
    case 'job':
      body = (
        <Row actions={cancel}>
          <JobProgress jobId={state.jobId} onFinished={run.jobFinished} onPollFailed={run.jobPollFailed} />
          <p className="mt-2 text-xs text-slate-700">
            Cancel stops watching the job; the server still finishes an accepted job and charges it if it succeeds.
          </p>
        </Row>
      );
      break;
    case 'waiting':
      // Before a rate limit's reset a try only earns another 429 and spends one of the 3: it is not offered.
      body = (
        <Row
          actions={
            <>
              {state.reason === 'backoff' && (
                <button type="button" className={PRIMARY} onClick={run.retryNow}>
                  Retry now
                </button>
              )}
              {cancel}
            </>
          }
        >
          <WaitingNotice state={state} />
        </Row>
      );
      break;
    case 'failed':
      body = (
        <GuidanceCard
          advice={state.advice}
          onRetry={() => run.start(state.request)}
          onFix={onFix}
          request={state.request}
          attempts={state.attempts}
          context={{
            url: state.request.url,
            sessionId: state.request.session_id ?? state.request.advanced?.session_id,
          }}
        />
      );
      break;
    case 'cut-off':
      body = <CutOffNotice request={state.request} startedAt={state.startedAt} />;
      break;
    case 'succeeded':
      body = <ResultViewer key={state.result.request_id} result={state.result} />;
      break;
  }

  return (
    <section
      aria-labelledby="run-panel-heading"
      ref={section}
      className="min-w-0 scroll-mt-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
    >
      <h2 id="run-panel-heading" ref={heading} tabIndex={-1} className="mb-3 text-base font-semibold">
        Result
      </h2>
      <p role="status" className="sr-only">
        {runAnnouncement(state)}
      </p>
      {body}
    </section>
  );
}

function Row({ children, actions }: { children: ReactNode; actions: ReactNode }) {
  return (
    <div className="flex flex-wrap items-start justify-between gap-3 text-sm">
      <div className="min-w-0 flex-1">{children}</div>
      <div className="flex gap-2">{actions}</div>
    </div>
  );
}
