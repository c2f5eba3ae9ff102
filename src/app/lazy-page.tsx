import { lazy, type ComponentType, type JSX } from 'react';
import { useAfterFirstPaint } from '../lib/use-after-first-paint';
import { PageLoading } from './page-loading';

/**
 * A page whose code loads on its first render (React.lazy), and on a first visit only once the header is on the
 * screen: asked before, the page's chunks shared a slow network with the app's first paint and held it back
 * (bench/report.md: Lighthouse). The router's own lazy routes load before anything of the app is drawn.
 *
 * Until then the loading line shows, and it stays until the page's code is there (the first paint's flag turns in a
 * transition). A Suspense fallback would do the same, but React holds back what replaces a fallback for 300 ms.
 */
export function lazyPage(load: () => Promise<ComponentType>): () => JSX.Element {
  const Page = lazy(() => load().then((component) => ({ default: component })));
  return function LazyPage() {
    return useAfterFirstPaint() ? <Page /> : <PageLoading />;
  };
}
