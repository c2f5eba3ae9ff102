import * as Tabs from '@radix-ui/react-tabs';
import { lazy, Suspense } from 'react';
import type { ScrapeResult } from '../../../contract/scrape';
import { RenderedPageFrame } from './rendered-page-frame';
import { ResultMeta } from './result-meta';
import { resultTabs, type ResultTab } from './result-tabs';
import { TextView } from './text-view';

// Highlighting and the JSON tree are their own chunks, fetched the first time their tab is opened.
const SourceView = lazy(() => import('./source-view').then((module) => ({ default: module.SourceView })));
const JsonDataView = lazy(() => import('./json-view').then((module) => ({ default: module.JsonDataView })));

function TabBody({ tab }: { tab: ResultTab }) {
  switch (tab.id) {
    case 'rendered':
      return <RenderedPageFrame html={tab.html} />;
    case 'source':
      return (
        <Suspense fallback={<p className="text-sm text-slate-700">Loading the source view…</p>}>
          <SourceView html={tab.html} />
        </Suspense>
      );
    case 'markdown':
    case 'text':
      return <TextView text={tab.text} label={tab.label} />;
    case 'json':
      return (
        <Suspense fallback={<p className="text-sm text-slate-700">Loading the JSON view…</p>}>
          <JsonDataView data={tab.data} />
        </Suspense>
      );
  }
}

/** The content of a successful scrape, one tab per form it came in, beside what it cost. */
export function ResultViewer({ result }: { result: ScrapeResult }) {
  const tabs = resultTabs(result.content);
  const first = tabs[0];
  return (
    <div className="space-y-4">
      {first ? (
        <Tabs.Root defaultValue={first.id} className="space-y-2">
          <Tabs.List aria-label="Scraped content" className="flex flex-wrap gap-1 border-b border-slate-300">
            {tabs.map((tab) => (
              <Tabs.Trigger
                key={tab.id}
                value={tab.id}
                className="-mb-px rounded-t border border-transparent px-3 py-1.5 text-sm font-medium text-slate-700 hover:text-slate-950 data-[state=active]:border-slate-300 data-[state=active]:border-b-white data-[state=active]:bg-white data-[state=active]:text-slate-950 data-[state=active]:underline"
              >
                {tab.label}
              </Tabs.Trigger>
            ))}
          </Tabs.List>
          {tabs.map((tab) => (
            <Tabs.Content
              key={tab.id}
              value={tab.id}
              className="max-h-[36rem] overflow-auto rounded focus-visible:outline-2 focus-visible:outline-blue-700"
            >
              <TabBody tab={tab} />
            </Tabs.Content>
          ))}
        </Tabs.Root>
      ) : (
        <p className="text-sm text-slate-700">The scrape succeeded but returned no content.</p>
      )}
      <ResultMeta result={result} />
    </div>
  );
}
