import { Link, Outlet } from '@tanstack/react-router';
import { lazy, Suspense, useRef } from 'react';
import { Notices } from '../components/notices';
import { RateLimitMeter } from '../features/rate-limits/rate-limit-meter';
import { KeyBadge } from '../features/settings/key-badge';
import { NAV_ITEMS } from './nav-items';
import { PageLoading } from './page-loading';
import { useDocumentTitle } from './use-document-title';
import { useHeadingFocus } from './use-heading-focus';
import { useShortcuts } from './use-shortcuts';

// Neither is part of the first screen: each loads when first opened.
const CommandPalette = lazy(() => import('./command-palette').then((module) => ({ default: module.CommandPalette })));
const HelpDialog = lazy(() => import('./help-dialog').then((module) => ({ default: module.HelpDialog })));

export function RootLayout() {
  const main = useRef<HTMLElement>(null);
  useDocumentTitle();
  useHeadingFocus(main);
  const shortcuts = useShortcuts();
  return (
    <div className="min-h-screen bg-slate-50 text-slate-900">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-10 focus:rounded focus:bg-white focus:px-3 focus:py-2"
      >
        Skip to content
      </a>
      {/* Positioned and clipped sideways: nothing in it (a screen-reader-only line at its edge) may widen the page. */}
      <header className="relative overflow-x-clip border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-4 gap-y-2 px-4 py-3">
          <Link to="/" className="mr-auto text-lg font-semibold tracking-tight">
            Scrape Dashboard
          </Link>
          {/* The meter places itself: its own row under the title and key on a narrow screen. */}
          <RateLimitMeter />
          <KeyBadge />
          <button
            type="button"
            onClick={shortcuts.openPalette}
            aria-keyshortcuts="Control+K Meta+K"
            className="rounded-md border border-slate-300 px-2 py-1 text-xs text-slate-800 hover:bg-slate-100"
          >
            Go to… <kbd className="font-mono">Ctrl K</kbd>
          </button>
        </div>
        <nav aria-label="Main" className="mx-auto max-w-7xl px-4">
          {/* Wrapped, not scrolled sideways: at 390 px every page is still one click away. */}
          <ul className="flex flex-wrap gap-x-1">
            {NAV_ITEMS.map((item) => (
              <li key={item.to}>
                <Link
                  to={item.to}
                  activeOptions={{ exact: item.to === '/' }}
                  className="block border-b-2 border-transparent px-3 py-2 text-sm font-medium text-slate-700 hover:text-slate-950 data-[status=active]:border-blue-700 data-[status=active]:text-blue-800"
                  activeProps={{ 'aria-current': 'page' }}
                >
                  {item.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main id="main" ref={main} className="mx-auto max-w-7xl min-w-0 space-y-4 px-4 py-6">
        <Notices />
        {/* A page's code loads when first opened: the header and this line show meanwhile, not a blank screen. */}
        <Suspense fallback={<PageLoading />}>
          <Outlet />
        </Suspense>
      </main>
      <Suspense fallback={null}>
        {shortcuts.loaded('palette') && <CommandPalette {...shortcuts.dialogProps('palette')} />}
        {shortcuts.loaded('help') && <HelpDialog {...shortcuts.dialogProps('help')} />}
      </Suspense>
    </div>
  );
}
