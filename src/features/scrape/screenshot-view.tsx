import { useSuspenseQuery } from '@tanstack/react-query';
import { useCallback } from 'react';
import { screenshotQueries } from '../../api/screenshots';
import { QueryBoundary } from '../../errors/query-boundary';

/** The page as the browser showed it. The image needs the key, so it is fetched by the client and shown from a blob. */
export function ScreenshotView({ url }: { url: string }) {
  return (
    <QueryBoundary label="screenshot">
      <ScreenshotImage url={url} />
    </QueryBoundary>
  );
}

function ScreenshotImage({ url }: { url: string }) {
  const { data } = useSuspenseQuery(screenshotQueries.image(url));
  // The blob's URL lives as long as the image shows it, and is released with it.
  const showBlob = useCallback(
    (image: HTMLImageElement | null) => {
      if (!image) return;
      const objectUrl = URL.createObjectURL(data);
      image.src = objectUrl;
      return () => URL.revokeObjectURL(objectUrl);
    },
    [data],
  );
  return (
    <img
      ref={showBlob}
      alt="Screenshot of the scraped page, as the browser showed it"
      className="max-w-full border border-slate-200"
    />
  );
}
