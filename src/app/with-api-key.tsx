import type { ComponentType, JSX } from 'react';
import { useApiKey } from '../api/credentials-store';
import { ConnectPanel } from '../features/settings/connect-panel';

/** Pages that call the API ask for a key first (the first-run prompt) and keep the address the user opened. */
export function withApiKey(Page: ComponentType): () => JSX.Element {
  return function KeyedPage() {
    const apiKey = useApiKey();
    return apiKey ? <Page /> : <ConnectPanel />;
  };
}
