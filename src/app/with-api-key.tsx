import { lazy, type ComponentType, type JSX } from 'react';
import { useApiKey } from '../api/credentials-store';
import { ConnectPanel } from '../features/settings/connect-panel';

/**
 * Pages that call the API ask for a key first (the first-run prompt) and keep the address the user opened. The
 * page's code loads on its first render with a key (React.lazy: the router cannot preload a page it may not show),
 * never for the prompt.
 */
export function withApiKey(load: () => Promise<ComponentType>): () => JSX.Element {
  const Page = lazy(() => load().then((component) => ({ default: component })));
  return function KeyedPage() {
    const apiKey = useApiKey();
    return apiKey ? <Page /> : <ConnectPanel />;
  };
}
