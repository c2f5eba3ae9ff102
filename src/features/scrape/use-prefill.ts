import { getRouteApi } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import type { ScrapeRequest } from '../../../contract/scrape';
import { fromRequest, type ScrapeFormValues } from './form-values';
import { scrapeSearchSchema } from './scrape-search';
import { usePageSearch } from '../../lib/route-search';

const route = getRouteApi('/scrape');

/**
 * The form values a link to /scrape carries (scrape-search.ts), read once when the page opens; then the address
 * drops them, so a reload keeps what the user typed since (the draft) rather than the link's values.
 */
export function useScrapePrefill(): ScrapeFormValues | null {
  const search = usePageSearch(route, scrapeSearchSchema);
  const navigate = route.useNavigate();
  const [prefill] = useState(() => {
    // Parsed again here: the router passes on search params no route names, and a `cookies` one must not get in.
    const values = scrapeSearchSchema.parse(search);
    return values.url ? fromRequest({ ...values, url: values.url } as ScrapeRequest) : null;
  });
  const carried = Object.keys(search).length > 0;
  useEffect(() => {
    if (carried) void navigate({ search: {}, replace: true });
  }, [carried, navigate]);
  return prefill;
}
