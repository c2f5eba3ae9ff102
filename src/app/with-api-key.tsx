import type { ComponentType } from 'react';
import { useApiKey, useCredentialsStore } from '../api/credentials-store';
import { ConnectPanel } from '../features/settings/connect-panel';
import { lazyPage, type LazyPage } from './lazy-page';

/**
 * Pages that call the API ask for a key first (the first-run prompt) and keep the address the user opened. The
 * page's code loads only with a key (the router cannot preload a page it may not show), never for the prompt.
 */
export function withApiKey(load: () => Promise<ComponentType>): LazyPage {
  const Page = lazyPage(load);
  function KeyedPage() {
    return useApiKey() ? <Page /> : <ConnectPanel />;
  }
  KeyedPage.loadCode = () => (useCredentialsStore.getState().apiKey ? Page.loadCode() : Promise.resolve());
  return KeyedPage;
}
