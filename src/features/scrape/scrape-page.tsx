import { lazy, useState } from 'react';
import type { ScrapeRequest } from '../../../contract/scrape';
import { useFramesDrawn } from '../../lib/use-after-first-paint';
import { DemoPresets } from './demo-presets';

// The form and everything it needs (react-hook-form, the result views, the guidance) load once the heading and the
// demo targets are on the screen: the page's first frame waits for one small chunk, not a dozen.
const ScrapeWorkbench = lazy(() =>
  import('./scrape-workbench').then((module) => ({ default: module.ScrapeWorkbench })),
);

/** The playground: build a request, run it, read the result or the guidance, fix it in one click. */
export function ScrapePage() {
  const [picked, setPicked] = useState<ScrapeRequest | null>(null);
  // In a transition: the heading and the targets stay as they are until the workbench's code is there.
  const drawn = useFramesDrawn(1);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">Scrape</h1>
      {/*
        One column of minmax(0, 1fr) on a phone (an auto column takes its widest select's width and scrolls
        sideways), with the result right after the form's Run bar and the snippets last. On a wide screen the
        result sits beside the targets and the form; the form's row is as tall as the form, so the snippets follow
        it closely.
      */}
      <div className="grid grid-cols-1 gap-6 xl:grid-cols-[minmax(0,5fr)_minmax(0,7fr)] xl:grid-rows-[auto_auto_1fr]">
        <DemoPresets className="min-w-0 xl:col-start-1" onPick={setPicked} />
        {drawn >= 1 && <ScrapeWorkbench picked={picked} />}
      </div>
    </div>
  );
}
