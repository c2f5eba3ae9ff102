import { flushSync } from 'react-dom';
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

/** The playground: build a request, run it, read the result or the guidance, fix it in one click. */
export function ScrapePage() {
  const form = useScrapeForm();
  const runFinished = useRunHistoryStore((state) => state.runFinished);
  const run = useScrapeRun({ onSettled: runFinished });
  // The heading and the demo targets first (the page's largest text), then the form's fields, then the result and
  // the history, then the snippets: a frame each, so that no one render blocks a slow phone for long.
  const drawn = useFramesDrawn(3);

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
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">Scrape</h1>
      {/*
        One column of minmax(0, 1fr) on a phone (an auto column takes its widest select's width and scrolls
        sideways), with the result right after the form's Run bar and the snippets last. On a wide screen the
        result sits beside the form; the form's row is as tall as the form, so the snippets follow it closely.
      */}
      <div className="grid grid-cols-1 gap-6 xl:grid-cols-[minmax(0,5fr)_minmax(0,7fr)] xl:grid-rows-[auto_1fr]">
        <div className="min-w-0 xl:col-start-1 xl:row-start-1">
          <ScrapeForm form={form} running={run.isRunning} onRun={run.start} fields={drawn >= 1} />
        </div>
        <div className="min-w-0 space-y-6 xl:col-start-2 xl:row-span-2 xl:row-start-1">
          {drawn >= 2 && (
            <>
              <RunPanel run={run} onFix={onFix} />
              <RunHistory onReopen={(request) => form.reset(fromRequest(request), { keepDefaultValues: true })} />
            </>
          )}
        </div>
        <div className="min-w-0 self-start xl:col-start-1 xl:row-start-2">
          {drawn >= 3 && <CodeSnippets form={form} />}
        </div>
      </div>
    </div>
  );
}
