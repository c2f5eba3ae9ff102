import { lazy, startTransition, useEffect, useState, type ComponentType, type JSX } from 'react';
import { useAfterFirstPaint } from '../lib/use-after-first-paint';
import { PageLoading } from './page-loading';

/**
 * A page whose code loads on its first render (React.lazy), and on a first visit only once the header is on the
 * screen: asked before, the page's chunks shared a slow network with the app's first paint and held it back
 * (bench/report.md: Lighthouse). The router's own lazy routes load before anything of the app is drawn.
 *
 * The page is then shown in a transition: the loading line stays until its code is there. A Suspense fallback
 * would do the same, but React holds back what replaces a fallback for 300 ms after it appeared.
 */
export function lazyPage(load: () => Promise<ComponentType>): () => JSX.Element {
  const Page = lazy(() => load().then((component) => ({ default: component })));
  return function LazyPage() {
    const painted = useAfterFirstPaint();
    const [shown, setShown] = useState(painted);
    useEffect(() => {
      if (painted && !shown) startTransition(() => setShown(true));
    }, [painted, shown]);
    return shown ? <Page /> : <PageLoading />;
  };
}
