import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useApiKey } from '../../api/credentials-store';
import { forecastRateLimit } from '../../api/rate-limit-forecast';
import { minuteWindowOf, useKeyHistory } from '../../api/rate-limit-store';
import { usageQueries } from '../../api/usage';
import { useNow } from '../../lib/use-now';

/**
 * What the page shows, all from the one store the header meter reads (so the two agree at every moment), with
 * the account's plan and balance from GET /usage.
 */
export function useRateLimitView() {
  const apiKey = useApiKey();
  const log = useKeyHistory(apiKey);
  const samples = useMemo(() => log.toArray(), [log]);
  const window = useMemo(() => minuteWindowOf(log), [log]);
  const now = useNow(true);
  const usage = useQuery({ ...usageQueries.summary(), enabled: apiKey !== null }).data;
  const forecast = forecastRateLimit(samples, window, now);
  return { samples, window, now, forecast, usage };
}
