import { useEffect } from 'react';
import type { ScrapeRequest } from '../../../contract/scrape';
import { useFramesDrawn } from '../../lib/use-after-first-paint';
import { CodeSnippets } from './code-snippets';
import { fromRequest } from './form-values';
import { RunHistory } from './run-history';
import { useRunHistoryStore } from './run-history-store';
import { RunPanel } from './run-panel';
import { ScrapeForm } from './scrape-form';
import { useApplyFix } from './use-apply-fix';
import { useScrapeForm } from './use-scrape-form';
import { useScrapeRun } from './use-scrape-run';

/**
 * The playground's form, result, history and snippets: three cells of the page's grid (scrape-page.tsx), in the
 * order a phone stacks them. `picked`, a demo target's request, fills the form, even when it was picked before this
 * code had loaded; each pick is a new object (demo-presets-data.ts), so picking the same target again refills it.
 */
export function ScrapeWorkbench({ picked }: { picked: ScrapeRequest | null }) {
  const form = useScrapeForm();
  const runFinished = useRunHistoryStore((state) => state.runFinished);
  const run = useScrapeRun({ onSettled: runFinished });
  const onFix = useApplyFix(form, run.start);
  // The fields first, then the result and the history, then the snippets: a frame each, so that no one render
  // blocks a slow phone for long.
  const drawn = useFramesDrawn(2);

  useEffect(() => {
    if (picked) form.reset(fromRequest(picked), { keepDefaultValues: true });
  }, [form, picked]);

  return (
    <>
      <div className="min-w-0 xl:col-start-1">
        <ScrapeForm form={form} running={run.isRunning} onRun={run.start} />
      </div>
      <div className="min-w-0 space-y-6 xl:col-start-2 xl:row-span-3 xl:row-start-1">
        {drawn >= 1 && (
          <>
            <RunPanel run={run} onFix={onFix} />
            <RunHistory onReopen={(request) => form.reset(fromRequest(request), { keepDefaultValues: true })} />
          </>
        )}
      </div>
      <div className="min-w-0 self-start xl:col-start-1">{drawn >= 2 && <CodeSnippets form={form} />}</div>
    </>
  );
}
