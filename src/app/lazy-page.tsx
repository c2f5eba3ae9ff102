import { lazy, useState, type ComponentType, type JSX } from 'react';
import { useAfterFirstPaint } from '../lib/use-after-first-paint';
import { PageLoading } from './page-loading';

/** A page whose code loads on demand; `loadCode` fetches it ahead of the page's first render (src/app/first-page.ts). */
export interface LazyPage {
  (): JSX.Element;
  loadCode: () => Promise<void>;
}

/**
 * A page whose code loads when it is first needed. The page the app opens on has it loaded before the app's first
 * render, so that frame is the page itself. Any other page loads its code on its first render (React.lazy) once the
 * app has painted; until then the loading line shows (the first paint's flag turns in a transition, and React holds
 * back what replaces a Suspense fallback for 300 ms).
 */
export function lazyPage(load: () => Promise<ComponentType>): LazyPage {
  let loaded: ComponentType | null = null;
  let loading: Promise<ComponentType> | null = null;
  // A load that failed is tried again by the next caller (the page's render after a failed head start).
  const start = () =>
    (loading ??= load().then(
      (component) => (loaded = component),
      (error: unknown) => {
        loading = null;
        throw error;
      },
    ));
  const Page = lazy(() => start().then((component) => ({ default: component })));
  function AfterFirstPaint() {
    return useAfterFirstPaint() ? <Page /> : <PageLoading />;
  }
  function LazyPageComponent() {
    // Decided once per mount: switching from the lazy wrapper to the component itself would remount the page. The
    // first-paint flag is not read when the code is in: its change after the paint would render the page again.
    const [Loaded] = useState(() => loaded);
    return Loaded ? <Loaded /> : <AfterFirstPaint />;
  }
  LazyPageComponent.loadCode = () => start().then(() => undefined);
  return LazyPageComponent;
}
