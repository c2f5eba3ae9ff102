import { useId } from 'react';
import { useFormState, type UseFormReturn } from 'react-hook-form';
import { MODE_SURCHARGE, SCRAPE_MODES, type ScrapeMode } from '../../../contract/pricing';
import { credits } from '../../lib/format';
import {
  Checkbox,
  CODE_INPUT,
  Field,
  FieldError,
  FIELDSET_CLASS,
  INPUT_CLASS,
  LEGEND_CLASS,
} from '../../components/form-field';
import type { ScrapeFormValues } from './form-values';

/** What each mode does; a mode that reads files says what it adds to the tier's price. */
const MODE_TEXT: Record<ScrapeMode, string> = {
  auto: 'let the API decide',
  html: 'fetch the HTML, no JavaScript',
  js: 'run the page’s JavaScript in a browser',
  pdf: 'read a PDF',
  ocr: 'read the text of an image',
};
const SURCHARGE: Partial<Record<ScrapeMode, number>> = MODE_SURCHARGE;
const MODES = SCRAPE_MODES.map((mode) => {
  const extra = SURCHARGE[mode];
  return { value: mode, label: `${mode} · ${MODE_TEXT[mode]}${extra ? ` (+${credits(extra)})` : ''}` };
});

const FORMATS: { value: ScrapeFormValues['formats'][number]; label: string }[] = [
  { value: 'html', label: 'HTML' },
  { value: 'text', label: 'Text' },
  { value: 'markdown', label: 'Markdown' },
  { value: 'json', label: 'JSON' },
];

/** What to scrape and what to get back. */
export function BasicsSection({ form }: { form: UseFormReturn<ScrapeFormValues> }) {
  const { errors } = useFormState({ control: form.control, name: ['url', 'mode', 'formats'] });
  const formatsHintId = useId();
  const formatsError = errors.formats?.message;

  return (
    <fieldset className={FIELDSET_CLASS}>
      <legend className={LEGEND_CLASS}>Basics</legend>
      <Field label="URL to scrape" hint="A full http:// or https:// address." error={errors.url?.message}>
        {(control) => (
          <input
            {...control}
            {...CODE_INPUT}
            inputMode="url"
            placeholder="https://example.com/page"
            {...form.register('url')}
          />
        )}
      </Field>
      <Field
        label="Mode"
        hint="js runs in a headless browser, so it needs a maximum tier of 3 or 4."
        error={errors.mode?.message}
      >
        {(control) => (
          <select {...control} className={INPUT_CLASS} {...form.register('mode')}>
            {MODES.map((mode) => (
              <option key={mode.value} value={mode.value}>
                {mode.label}
              </option>
            ))}
          </select>
        )}
      </Field>
      <fieldset aria-describedby={formatsError ? `${formatsHintId}-error ${formatsHintId}` : formatsHintId}>
        <legend className="text-sm font-medium">Formats</legend>
        <div className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
          {FORMATS.map((format) => (
            <Checkbox
              key={format.value}
              label={format.label}
              input={{ value: format.value, ...form.register('formats') }}
            />
          ))}
        </div>
        <p id={formatsHintId} className="text-xs text-slate-600">
          None ticked: HTML only (the API’s default). Several: the content comes back keyed by format.
        </p>
        <FieldError id={`${formatsHintId}-error`} message={formatsError} />
      </fieldset>
    </fieldset>
  );
}
