import * as Tabs from '@radix-ui/react-tabs';
import { TabList } from '../../components/tab-list';
import { lazy, Suspense } from 'react';
import type { ScrapeResult } from '../../../contract/scrape';
import { RenderedPageFrame } from './rendered-page-frame';
import { ResultMeta } from './result-meta';
import { resultTabs, type ResultTab } from './result-tabs';
import { ScreenshotView } from './screenshot-view';
import { TextView } from './text-view';

// Highlighting and the JSON tree are their own chunks, fetched the first time their tab is opened.
const SourceView = lazy(() => import('./source-view').then((module) => ({ default: module.SourceView })));
const JsonDataView = lazy(() => import('./json-view').then((module) => ({ default: module.JsonDataView })));

function TabBody({ tab }: { tab: ResultTab }) {
  switch (tab.id) {
    case 'rendered':
      return <RenderedPageFrame html={tab.html} />;
    case 'source':
    case 'raw':
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
    case 'screenshot':
      return <ScreenshotView url={tab.url} />;
  }
}

/** The content of a successful scrape, one tab per form it came in, beside what it cost. */
export function ResultViewer({ result }: { result: ScrapeResult }) {
  const tabs = resultTabs(result);
  const first = tabs[0];
  return (
    <div className="space-y-4">
      {first ? (
        <Tabs.Root defaultValue={first.id} className="space-y-2">
          <TabList label="Scraped content" tabs={tabs} />
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
