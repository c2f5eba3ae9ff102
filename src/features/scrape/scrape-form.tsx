import { useEffect, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import type { FieldErrors, UseFormReturn } from 'react-hook-form';
import type { ScrapeRequest } from '../../../contract/scrape';
import { EstimateLine } from './estimate-line';
import { FoldedGroup } from './form-fold';
import { AdvancedSection } from './form-section-advanced';
import { BasicsSection } from './form-section-basics';
import { CacheSection } from './form-section-cache';
import { CostSection } from './form-section-cost';
import { RenderingSection } from './form-section-rendering';
import { SessionSection } from './form-section-session';
import { toRequest, type ScrapeFormValues } from './form-values';

interface ScrapeFormProps {
  form: UseFormReturn<ScrapeFormValues>;
  running: boolean;
  onRun: (request: ScrapeRequest) => void;
}

/**
 * Where each error of a failed submit sits, as input names: `url`, `cookies.1.value`; an error of a whole list
 * (`cookies`, or its `root`) stands for every input in it.
 */
function errorPaths(errors: object, prefix = ''): string[] {
  return Object.entries(errors).flatMap(([key, error]: [string, unknown]) => {
    if (typeof error !== 'object' || error === null) return [];
    const path = key === 'root' ? prefix.slice(0, -1) : `${prefix}${key}`;
    return 'type' in error ? [path] : errorPaths(error, `${path}.`);
  });
}

/** The first control, in the page's order, that one of the errors is at. */
function firstInvalid(root: HTMLFormElement | null, paths: readonly string[]): HTMLElement | null {
  const controls = root?.querySelectorAll<HTMLElement>('input[name], select[name], textarea[name]') ?? [];
  for (const control of controls) {
    const name = control.getAttribute('name') ?? '';
    const at = paths.some((path) => name === path || name.startsWith(`${path}.`));
    if (at && !control.hasAttribute('disabled')) return control;
  }
  return null;
}

/**
 * Every field of a scrape request. The contract's schema (through the resolver) decides what is valid; an invalid
 * form sends nothing, opens the folded group that holds the first field to fix and moves the focus there.
 * Ctrl-Enter (Cmd-Enter) runs from anywhere on the page, and the Run bar stays at the foot of the screen.
 */
export function ScrapeForm({ form, running, onRun }: ScrapeFormProps) {
  const ref = useRef<HTMLFormElement>(null);
  const [invalid, setInvalid] = useState<ReadonlySet<string>>(new Set());
  const onInvalid = (errors: FieldErrors<ScrapeFormValues>, event?: React.BaseSyntheticEvent) => {
    const fields = new Set(Object.keys(errors));
    // The group must be open before its field can take focus.
    flushSync(() => setInvalid(fields));
    const root = event?.target instanceof HTMLFormElement ? event.target : null;
    firstInvalid(root, errorPaths(errors))?.focus();
  };
  const onSubmit = form.handleSubmit((values) => {
    setInvalid(new Set());
    onRun(toRequest(values));
  }, onInvalid);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Enter' || !(event.ctrlKey || event.metaKey) || event.defaultPrevented) return;
      event.preventDefault();
      // Through the form's own submit, so it is validated and focused exactly like a click on Run scrape.
      if (!running) ref.current?.requestSubmit();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [running]);

  return (
    <form ref={ref} aria-label="Scrape request" noValidate onSubmit={onSubmit} className="space-y-4">
      <BasicsSection form={form} />
      <RenderingSection form={form} />
      <SessionSection form={form} />
      <FoldedGroup form={form} fields={['max_credits']} summary="Cost cap" invalid={invalid}>
        <CostSection form={form} />
      </FoldedGroup>
      <FoldedGroup form={form} fields={['cache', 'cache_ttl', 'force_refresh']} summary="Cache" invalid={invalid}>
        <CacheSection form={form} />
      </FoldedGroup>
      <FoldedGroup form={form} fields={['timeout', 'sync']} summary="Timeout and background jobs" invalid={invalid}>
        <AdvancedSection form={form} />
      </FoldedGroup>
      <div
        data-testid="run-bar"
        className="sticky bottom-0 z-10 -mx-1 flex flex-wrap items-center gap-x-4 gap-y-2 border-t border-slate-200 bg-white/95 px-1 py-3"
      >
        <button
          type="submit"
          disabled={running}
          aria-keyshortcuts="Control+Enter Meta+Enter"
          className="rounded-md bg-blue-700 px-4 py-2 text-sm font-semibold text-white hover:bg-blue-800 disabled:opacity-60"
        >
          {running ? 'Running…' : 'Run scrape'}
        </button>
        <span className="text-xs text-slate-600">
          or <kbd className="font-mono">Ctrl</kbd>+<kbd className="font-mono">Enter</kbd>
        </span>
        <EstimateLine form={form} />
      </div>
    </form>
  );
}
