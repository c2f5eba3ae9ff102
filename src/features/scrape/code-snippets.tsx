import * as Tabs from '@radix-ui/react-tabs';
import { TabList } from '../../components/tab-list';
import { useId, useState } from 'react';
import { useWatch, type UseFormReturn } from 'react-hook-form';
import { scrapeRequestSchema } from '../../../contract/scrape';
import { useCredentialsStore } from '../../api/credentials-store';
import { toRequest, type ScrapeFormValues } from './form-values';
import { curlSnippet, nodeSnippet, pythonSnippet } from './snippets';

const LANGUAGES = [
  { id: 'curl', label: 'curl', snippet: curlSnippet },
  { id: 'python', label: 'Python', snippet: pythonSnippet },
  { id: 'node', label: 'Node', snippet: nodeSnippet },
] as const;
type Language = (typeof LANGUAGES)[number]['id'];

/** A base URL a snippet can use anywhere: the dashboard's own `/api/v1` is relative to this page. */
const absoluteBase = (apiBase: string) => (apiBase.startsWith('/') ? `${window.location.origin}${apiBase}` : apiBase);

/** The exact request the form builds, as code to run elsewhere, with the key read from the environment. */
export function CodeSnippets({ form }: { form: UseFormReturn<ScrapeFormValues> }) {
  const request = useWatch({ control: form.control, compute: (values: ScrapeFormValues) => toRequest(values) });
  const apiBase = useCredentialsStore((state) => state.apiBase);
  const [language, setLanguage] = useState<Language>('curl');
  const [copyStatus, setCopyStatus] = useState('');
  const headingId = useId();
  const base = absoluteBase(apiBase);
  const hasCookieValues = Object.values(request.cookies ?? {}).some((value) => value !== '');
  const valid = scrapeRequestSchema.safeParse(request).success;
  const current = LANGUAGES.find((entry) => entry.id === language) ?? LANGUAGES[0];

  const copy = async (text: string) => {
    if (!navigator.clipboard?.writeText) {
      setCopyStatus('Copying is not available in this browser: select the code and copy it.');
      return;
    }
    try {
      await navigator.clipboard.writeText(text);
      setCopyStatus('Copied');
    } catch {
      setCopyStatus('Could not copy (the browser refused): select the code and copy it.');
    }
  };

  return (
    <section
      aria-labelledby={headingId}
      className="space-y-2 rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
    >
      <h2 id={headingId} className="text-base font-semibold">
        Code for this request
      </h2>
      <p className="text-xs text-slate-600">
        The key is read from the ALTERLAB_API_KEY environment variable; it is never written into the code.
        {hasCookieValues && (
          <strong className="block font-semibold text-amber-900">Contains the cookie values you entered.</strong>
        )}
        {!valid && <span className="block">This request is not valid yet: the API would refuse it.</span>}
      </p>
      <Tabs.Root
        value={language}
        onValueChange={(value) => {
          setLanguage(value as Language);
          setCopyStatus('');
        }}
      >
        <div className="flex flex-wrap items-center justify-between gap-2">
          <TabList label="Language" tabs={LANGUAGES} />
          <button
            type="button"
            onClick={() => void copy(current.snippet(base, request))}
            className="rounded-md border border-slate-400 bg-white px-3 py-1.5 text-sm font-medium hover:bg-slate-50"
          >
            Copy <span className="sr-only">the {current.label} code</span>
          </button>
        </div>
        {LANGUAGES.map((entry) => (
          <Tabs.Content
            key={entry.id}
            value={entry.id}
            className="mt-2 max-h-96 overflow-auto rounded-md bg-slate-900 p-3 text-slate-50"
          >
            <pre className="font-mono text-xs leading-relaxed">
              <code>{entry.snippet(base, request)}</code>
            </pre>
          </Tabs.Content>
        ))}
      </Tabs.Root>
      <p role="status" className="text-sm text-slate-700">
        {copyStatus}
      </p>
    </section>
  );
}
