import { useMemo } from 'react';
import { sandboxHtml } from './sandbox-html';

/**
 * The scraped page as a browser would draw it, and nothing more: the empty `sandbox` turns off scripts, forms,
 * popups, top navigation and same-origin access, and the CSP that sandboxHtml puts first stops every request.
 */
export function RenderedPageFrame({ html }: { html: string }) {
  const safeHtml = useMemo(() => sandboxHtml(html), [html]);
  return (
    <iframe
      title="Rendered page"
      sandbox=""
      srcDoc={safeHtml}
      referrerPolicy="no-referrer"
      className="h-[32rem] w-full rounded border border-slate-300 bg-white"
    />
  );
}
