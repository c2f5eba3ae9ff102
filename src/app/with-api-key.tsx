import type { ComponentType, JSX } from 'react';
import { useApiKey } from '../api/credentials-store';
import { ConnectPanel } from '../features/settings/connect-panel';
import { lazyPage } from './lazy-page';

/**
 * Pages that call the API ask for a key first (the first-run prompt) and keep the address the user opened. The
 * page's code loads on its first render with a key (the router cannot preload a page it may not show), never for
 * the prompt.
 */
export function withApiKey(load: () => Promise<ComponentType>): () => JSX.Element {
  const Page = lazyPage(load);
  return function KeyedPage() {
    return useApiKey() ? <Page /> : <ConnectPanel />;
  };
}
