import { useRouterState } from '@tanstack/react-router';
import { useEffect } from 'react';

const APP_NAME = 'Scrape Dashboard';

/**
 * Each page's title in the tab, from its route's `head` (the deepest route that names one). An address no route
 * matches leaves only the root matched: that is the "Page not found" page.
 */
export function useDocumentTitle() {
  const title = useRouterState({
    select: (state) => {
      if (state.matches.length <= 1) return 'Page not found';
      const titles = state.matches.flatMap((match) => match.meta ?? []).flatMap((meta) => meta?.title ?? []);
      return titles.at(-1) ?? null;
    },
  });
  useEffect(() => {
    document.title = title ? `${title} · ${APP_NAME}` : APP_NAME;
  }, [title]);
}
