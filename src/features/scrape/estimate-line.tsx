import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useWatch, type UseFormReturn } from 'react-hook-form';
import { useDebounce } from 'use-debounce';
import { scrapeRequestSchema, type Estimate, type ScrapeRequest } from '../../../contract/scrape';
import { isApiError } from '../../api/api-error';
import { estimateQueries } from '../../api/estimate';
import { useConnectedBudget } from '../../api/rate-limit-store';
import { usageQueries } from '../../api/usage';
import { credits } from '../../lib/format';
import { toRequest, type ScrapeFormValues } from './form-values';

/** How long the form must rest before its request is estimated: a pause, not every keystroke. */
const ESTIMATE_PAUSE_MS = 600;
const NOTHING: ScrapeRequest = { url: '' };

const describeEstimate = (estimate: Estimate) =>
  `Estimated ${credits(estimate.estimated_credits)} at tier ${estimate.estimated_tier} ` +
  `(confidence ${estimate.confidence}); at most ${credits(estimate.max_possible_credits)}.`;

/**
 * The free cost estimate of the request as typed. Only a request the contract accepts is asked about (the same
 * parse as the form's resolver), only once the form rests, each distinct request once, and not while the key's
 * rate limit is low: estimates spend it too, and the user's own scrapes come first.
 */
export function EstimateLine({ form }: { form: UseFormReturn<ScrapeFormValues> }) {
  // A string, so that an unchanged request is an unchanged value for the debounce and the query key.
  const requestJson = useWatch({
    control: form.control,
    compute: (values: ScrapeFormValues) => {
      const request = toRequest(values);
      return scrapeRequestSchema.safeParse(request).success ? JSON.stringify(request) : null;
    },
  });
  const [settledJson] = useDebounce(requestJson, ESTIMATE_PAUSE_MS);
  const request = useMemo(() => (settledJson ? (JSON.parse(settledJson) as ScrapeRequest) : null), [settledJson]);
  const { low } = useConnectedBudget();
  // A stale estimate's request is cancelled by the query's AbortSignal when the key moves on; the last answer
  // stays (as a placeholder) while the budget keeps the next one from being asked.
  const estimate = useQuery({
    ...estimateQueries.forRequest(request ?? NOTHING),
    enabled: request !== null && !low,
    placeholderData: keepPreviousData,
  });
  // The balance the header already asked for: the warning spends no call of its own.
  const balance = useQuery({
    ...usageQueries.summary(),
    staleTime: Infinity,
    select: (usage) => usage.balance_credits,
  }).data;

  return (
    <p aria-live="polite" data-testid="estimate" className="text-sm text-slate-700">
      <EstimateText
        valid={requestJson !== null}
        waiting={requestJson !== settledJson}
        low={low}
        estimate={estimate.data}
        stale={estimate.isPlaceholderData}
        error={estimate.error}
        balance={balance}
      />
    </p>
  );
}

function EstimateText(props: {
  valid: boolean;
  waiting: boolean;
  low: boolean;
  estimate: Estimate | undefined;
  /** The estimate shown is an earlier request's. */
  stale: boolean;
  error: Error | null;
  balance: number | undefined;
}) {
  if (!props.valid) return null;
  if (props.low && (props.stale || props.waiting || !props.estimate)) {
    const wait = 'not estimated again while the rate limit is low; it resumes when the minute resets';
    return props.estimate ? (
      <>
        <span className="font-semibold">Stale:</span> {describeEstimate(props.estimate)} (an earlier request’s; {wait}.)
      </>
    ) : (
      <>No estimate yet: {wait}.</>
    );
  }
  if (props.waiting) return <>Estimating…</>;
  if (props.error) {
    // A server without the endpoint is not an error worth a line.
    if (isApiError(props.error) && props.error.status === 404) return null;
    return <>No estimate: {isApiError(props.error) ? props.error.code : 'unexpected error'}</>;
  }
  if (!props.estimate || props.stale) return <>Estimating…</>;
  const { estimated_credits: needed } = props.estimate;
  return (
    <>
      {describeEstimate(props.estimate)}
      {props.balance !== undefined && props.balance < needed && (
        <>
          {' '}
          <strong className="text-red-800" data-testid="estimate-balance-warning">
            <span aria-hidden="true">⚠ </span>
            Needs {credits(needed)}, you have {credits(Math.max(0, props.balance))}.
          </strong>
        </>
      )}
    </>
  );
}
