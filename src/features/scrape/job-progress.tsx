import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { isJobFinished, type Job, type JobStatus } from '../../../contract/scrape';
import { jobQueries } from '../../api/jobs';
import { LOW_BUDGET_SHARE, useConnectedBudget } from '../../api/rate-limit-store';
import { formatPercent, formatSeconds } from '../../lib/format';

const STEPS = ['Queued', 'Processing', 'Done'] as const;
/** The step each status has reached. */
const STEP_OF: Record<JobStatus, number> = { queued: 0, processing: 1, succeeded: 2, failed: 2 };

const STATUS_TEXT: Record<JobStatus, string> = {
  queued: 'queued, waiting for a worker',
  processing: 'processing',
  succeeded: 'done',
  failed: 'done (failed)',
};

interface JobProgressProps {
  jobId: string;
  onFinished: (jobId: string, job: Job) => void;
  onPollFailed: (jobId: string, error: unknown) => void;
}

/**
 * Polls one job while it is on screen: the query polls every few seconds and stops when this unmounts, so cancelling
 * the run or leaving the page stops the polling. Each poll's answer goes to the run, which acts on a finished one.
 * Polls spend the key's minute like the user's own calls: while little of it is left, they wait for the reset (the
 * live tail's rule), and checking at once is the user's choice.
 */
export function JobProgress({ jobId, onFinished, onPollFailed }: JobProgressProps) {
  const budget = useConnectedBudget();
  const { data, error, refetch, isFetching } = useQuery({
    ...jobQueries.detail(jobId),
    ...(budget.low ? { refetchInterval: false as const } : {}),
  });
  useEffect(() => {
    if (data) onFinished(jobId, data);
  }, [data, jobId, onFinished]);
  useEffect(() => {
    if (error) onPollFailed(jobId, error);
  }, [error, jobId, onPollFailed]);

  const status: JobStatus = data?.status ?? 'queued';
  const current = STEP_OF[status];
  return (
    <div className="space-y-2">
      <p aria-live="polite" className="font-medium">
        Job <code className="font-mono">{jobId}</code>: {STATUS_TEXT[status]}
      </p>
      <ol aria-label="Job progress" className="flex flex-wrap gap-2 text-sm">
        {STEPS.map((label, index) => {
          const finished = index < current || (index === current && index === STEPS.length - 1);
          const state = finished ? 'done' : index === current ? 'current' : 'to do';
          return (
            <li
              key={label}
              aria-current={state === 'current' ? 'step' : undefined}
              className={`rounded border px-2 py-1 ${state === 'current' ? 'border-blue-700 font-semibold' : state === 'done' ? 'border-slate-400' : 'border-dashed border-slate-300 text-slate-600'}`}
            >
              {index + 1}. {label} ({state})
            </li>
          );
        })}
      </ol>
      {budget.low && budget.window && !isJobFinished(status) && (
        <div className="flex flex-wrap items-center gap-3 text-sm">
          <p role="status" className="text-slate-700">
            Status checks paused by themselves: under {formatPercent(LOW_BUDGET_SHARE)} of this minute’s calls are left
            for the key. They resume after the reset, in {formatSeconds(budget.window.reset - budget.now / 1000)}.
          </p>
          <button
            type="button"
            onClick={() => void refetch()}
            disabled={isFetching}
            className="rounded-md border border-slate-400 bg-white px-3 py-1.5 text-sm font-medium text-slate-900 hover:bg-slate-50"
          >
            Check now (one call)
          </button>
        </div>
      )}
    </div>
  );
}
