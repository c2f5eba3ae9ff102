import { getRouteApi } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import type { ScrapeRequest } from '../../../contract/scrape';
import { fromRequest, type ScrapeFormValues } from './form-values';

const route = getRouteApi('/scrape');

/**
 * The form values a link to /scrape carries (scrape-search.ts), read once when the page opens; then the address
 * drops them, so a reload keeps what the user typed since (the draft) rather than the link's values.
 */
export function useScrapePrefill(): ScrapeFormValues | null {
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const [prefill] = useState(() => (search.url ? fromRequest({ ...search, url: search.url } as ScrapeRequest) : null));
  const carried = Object.keys(search).length > 0;
  useEffect(() => {
    if (carried) void navigate({ search: {}, replace: true });
  }, [carried, navigate]);
  return prefill;
}
