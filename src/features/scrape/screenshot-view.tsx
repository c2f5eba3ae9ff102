import { useSuspenseQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
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
  const [src, setSrc] = useState<string | null>(null);
  useEffect(() => {
    const objectUrl = URL.createObjectURL(data);
    setSrc(objectUrl);
    return () => URL.revokeObjectURL(objectUrl);
  }, [data]);
  if (!src) return null;
  return (
    <img
      src={src}
      alt="Screenshot of the scraped page, as the browser showed it"
      className="max-w-full border border-slate-200"
    />
  );
}
