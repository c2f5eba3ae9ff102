import { queryOptions } from '@tanstack/react-query';
import { requestBlob } from './http-client';

export const screenshotQueries = {
  all: () => ['screenshots'] as const,
  /** A result's screenshot (its `screenshot_url`): a PNG that never changes once taken, fetched with the key. */
  image: (screenshotUrl: string) =>
    queryOptions({
      queryKey: [...screenshotQueries.all(), screenshotUrl],
      queryFn: ({ signal }) => requestBlob(screenshotUrl, { signal, source: 'user' }),
      staleTime: Infinity,
      retry: false,
    }),
};
