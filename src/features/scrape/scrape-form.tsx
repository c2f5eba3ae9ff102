import type { UseFormReturn } from 'react-hook-form';
import type { ScrapeRequest } from '../../../contract/scrape';
import { DemoPresets } from './demo-presets';
import { EstimateLine } from './estimate-line';
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
 * Every field of a scrape request. The contract's schema (through the resolver) decides what is valid; an invalid
 * form sends nothing and moves the focus to the first field to fix.
 */
export function ScrapeForm({ form, running, onRun }: ScrapeFormProps) {
  const onSubmit = form.handleSubmit((values) => onRun(toRequest(values)));
  return (
    <form aria-label="Scrape request" noValidate onSubmit={onSubmit} className="space-y-4">
      <DemoPresets form={form} />
      <BasicsSection form={form} />
      <RenderingSection form={form} />
      <CostSection form={form} />
      <CacheSection form={form} />
      <SessionSection form={form} />
      <AdvancedSection form={form} />
      <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
        <button
          type="submit"
          disabled={running}
          className="rounded-md bg-blue-700 px-4 py-2 text-sm font-semibold text-white hover:bg-blue-800 disabled:opacity-60"
        >
          {running ? 'Running…' : 'Run scrape'}
        </button>
        <EstimateLine form={form} />
      </div>
    </form>
  );
}
