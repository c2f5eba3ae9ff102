import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useWatch, type UseFormReturn } from 'react-hook-form';
import { useDebounce } from 'use-debounce';
import { scrapeRequestSchema, type Estimate, type ScrapeRequest } from '../../../contract/scrape';
import { isApiError } from '../../api/api-error';
import { scrapeQueries } from '../../api/scrape';
import { credits } from '../../lib/format';
import { toRequest, type ScrapeFormValues } from './form-values';

const ESTIMATE_DELAY_MS = 400;
const NOTHING: ScrapeRequest = { url: '' };

const describeEstimate = (estimate: Estimate) =>
  `Estimated ${credits(estimate.estimated_credits)} at tier ${estimate.estimated_tier} ` +
  `(confidence ${estimate.confidence}); at most ${credits(estimate.max_possible_credits)}.`;

/**
 * The free cost estimate of the request as typed. Only a request the contract accepts is asked about (the same
 * parse as the form's resolver), and only once typing pauses: estimates spend the key's rate limit too.
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
  const [settledJson] = useDebounce(requestJson, ESTIMATE_DELAY_MS);
  const request = useMemo(() => (settledJson ? (JSON.parse(settledJson) as ScrapeRequest) : null), [settledJson]);
  // A stale estimate's request is cancelled by the query's AbortSignal when the key moves on.
  const estimate = useQuery({ ...scrapeQueries.estimate(request ?? NOTHING), enabled: request !== null });

  return (
    <p aria-live="polite" data-testid="estimate" className="text-sm text-slate-700">
      <EstimateText
        valid={requestJson !== null}
        waiting={requestJson !== settledJson}
        estimate={estimate.data}
        error={estimate.error}
      />
    </p>
  );
}

function EstimateText(props: {
  valid: boolean;
  waiting: boolean;
  estimate: Estimate | undefined;
  error: Error | null;
}) {
  if (!props.valid) return null;
  if (props.waiting) return <>Estimating…</>;
  if (props.error) {
    // A server without the endpoint is not an error worth a line.
    if (isApiError(props.error) && props.error.status === 404) return null;
    return <>No estimate: {isApiError(props.error) ? props.error.code : 'unexpected error'}</>;
  }
  if (!props.estimate) return <>Estimating…</>;
  return <>{describeEstimate(props.estimate)}</>;
}
