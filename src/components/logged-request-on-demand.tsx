import { lazy, Suspense, type ComponentProps } from 'react';
import type { LoggedRequest } from './logged-request';
import { LookingUp } from './logged-request-pending';

const Loaded = lazy(() => import('./logged-request').then((module) => ({ default: module.LoggedRequest })));

/**
 * LoggedRequest for a page that shows it only once a request id is pasted: its request-log client and the
 * schemas that check the answer load then, not with the page's first screen.
 */
export function LoggedRequestOnDemand(props: ComponentProps<typeof LoggedRequest>) {
  return (
    <Suspense fallback={<LookingUp />}>
      <Loaded {...props} />
    </Suspense>
  );
}
