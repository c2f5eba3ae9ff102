import { useEffect } from 'react';
import { flushSync } from 'react-dom';
import type { ScrapeRequest } from '../../../contract/scrape';
import type { FixAction } from '../../errors/catalog';
import { useFramesDrawn } from '../../lib/use-after-first-paint';
import { CodeSnippets } from './code-snippets';
import { applyFix, fromRequest, toRequest } from './form-values';
import { RunHistory } from './run-history';
import { useRunHistoryStore } from './run-history-store';
import { RunPanel } from './run-panel';
import { ScrapeForm } from './scrape-form';
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
  // The fields first, then the result and the history, then the snippets: a frame each, so that no one render
  // blocks a slow phone for long.
  const drawn = useFramesDrawn(2);

  useEffect(() => {
    if (picked) form.reset(fromRequest(picked), { keepDefaultValues: true });
  }, [form, picked]);

  const onFix = (fix: FixAction) => {
    // The picker lists the URL's domain first; the user picks, then runs.
    if (fix.kind === 'choose-session') return form.setFocus('session_id');
    if (fix.kind === 'add-cookies') {
      const rows = form.getValues('cookies');
      // The new row must be on the page before its name field can take focus.
      flushSync(() => form.setValue('cookies', [...rows, { name: '', value: '' }]));
      return form.setFocus(`cookies.${rows.length}.name`);
    }
    const next = applyFix(form.getValues(), fix);
    form.reset(next, { keepDefaultValues: true });
    run.start(toRequest(next));
  };

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
