import { lazy, type ComponentType, type JSX } from 'react';
import { useApiKey } from '../api/credentials-store';
import { useAfterFirstPaint } from '../lib/use-after-first-paint';
import { ConnectPanel } from '../features/settings/connect-panel';

/**
 * Pages that call the API ask for a key first (the first-run prompt) and keep the address the user opened. The
 * page's code loads on its first render with a key (React.lazy: the router cannot preload a page it may not show),
 * never for the prompt, and on a first visit only once the header is on the screen: asked before, the page's chunks
 * shared the slow network with the first paint and held it back (bench/report.md: Lighthouse).
 */
export function withApiKey(load: () => Promise<ComponentType>): () => JSX.Element {
  const Page = lazy(() => load().then((component) => ({ default: component })));
  return function KeyedPage() {
    const apiKey = useApiKey();
    const painted = useAfterFirstPaint();
    if (!apiKey) return <ConnectPanel />;
    return painted ? <Page /> : null;
  };
}
