import { useEffect, useState } from 'react';
import { useForm, type UseFormReturn } from 'react-hook-form';
import { useDebouncedCallback } from 'use-debounce';
import { scrapeFormatSchema } from '../../../contract/scrape';
import { scrapeModeSchema, tierSchema } from '../../../contract/pricing';
import { CHECK_ON_SAVE } from '../../components/check-on-save';
import { DEFAULT_FORM_VALUES, scrapeFormResolver, type ScrapeFormValues } from './form-values';
import { useScrapePrefill } from './use-prefill';

const DRAFT_SLOT = 'scrape-dashboard.scrape-draft';
const SAVE_DELAY_MS = 300;

/**
 * The scrape form, seeded from this tab's draft so a reload loses nothing typed. Cookie values are secrets the
 * user may not want left in storage, so the draft keeps only their names; the API key is never in the form.
 */
export function useScrapeForm(): UseFormReturn<ScrapeFormValues> {
  // A link's request (a logged request reopened) comes before the draft.
  const prefill = useScrapePrefill();
  const [defaultValues] = useState(() => prefill ?? readDraft() ?? DEFAULT_FORM_VALUES);
  // Checked on Run, then as each field changes, never as one is left (CHECK_ON_SAVE): a message appearing then would
  // move Run, a demo target or a fold's summary from under the click that left the field. The form focuses the
  // first invalid field itself, once the folded group holding it is open (scrape-form.tsx).
  const form = useForm<ScrapeFormValues>({
    resolver: scrapeFormResolver,
    ...CHECK_ON_SAVE,
    defaultValues,
    shouldFocusError: false,
  });

  // flushOnExit: the last keystrokes are saved even when the page is left or reloaded within the delay.
  const saveDraft = useDebouncedCallback(() => writeDraft(form.getValues()), SAVE_DELAY_MS, { flushOnExit: true });

  // `subscribe` is `watch(callback)` without re-rendering, and without the React Compiler opting this hook out.
  useEffect(() => form.subscribe({ formState: { values: true }, callback: () => saveDraft() }), [form, saveDraft]);

  return form;
}

/** What is stored: the form as typed, with every cookie value blanked. */
function draftOf(values: ScrapeFormValues): ScrapeFormValues {
  return { ...values, cookies: values.cookies.map((cookie) => ({ name: cookie.name, value: '' })) };
}

function writeDraft(values: ScrapeFormValues) {
  try {
    sessionStorage.setItem(DRAFT_SLOT, JSON.stringify(draftOf(values)));
  } catch {
    // Storage may be disabled or full: the form still works, it just does not survive a reload.
  }
}

/** The stored draft, field by field: anything missing or of the wrong type falls back to its default. */
function readDraft(): ScrapeFormValues | null {
  let stored: unknown;
  try {
    const text = sessionStorage.getItem(DRAFT_SLOT);
    if (text === null) return null;
    stored = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof stored !== 'object' || stored === null) return null;
  const draft = stored as Record<string, unknown>;
  const values: Record<string, unknown> = { ...DEFAULT_FORM_VALUES };
  for (const [field, fallback] of Object.entries(DEFAULT_FORM_VALUES)) {
    const value = draft[field];
    if (typeof value === typeof fallback && !Array.isArray(fallback)) values[field] = value;
  }
  values.formats = Array.isArray(draft.formats)
    ? draft.formats.filter((format) => scrapeFormatSchema.safeParse(format).success)
    : [];
  values.cookies = Array.isArray(draft.cookies)
    ? draft.cookies
        .filter((cookie): cookie is { name: string } => typeof (cookie as { name?: unknown })?.name === 'string')
        .map((cookie) => ({ name: cookie.name, value: '' }))
    : [];
  if (!scrapeModeSchema.safeParse(values.mode).success) values.mode = DEFAULT_FORM_VALUES.mode;
  if (!tierSchema.safeParse(values.max_tier).success) values.max_tier = DEFAULT_FORM_VALUES.max_tier;
  return values as unknown as ScrapeFormValues;
}
