import { useFormState, type UseFormReturn } from 'react-hook-form';
import { CODE_INPUT, Field, FIELDSET_CLASS, INPUT_CLASS, LEGEND_CLASS } from './form-field';
import type { ScrapeFormValues } from './form-values';

/** Tiers in plain words, with their price in credits (contract: 1, 2, 5, 20). */
export const TIER_LABELS: Record<ScrapeFormValues['max_tier'], string> = {
  '1': '1 · plain HTTP (1 credit)',
  '2': '2 · browser-like headers (2)',
  '3': '3 · headless browser (5)',
  '4': '4 · browser + CAPTCHA solving (20)',
};

/** How far the API may escalate to get the page, and what a browser should wait for. */
export function RenderingSection({ form }: { form: UseFormReturn<ScrapeFormValues> }) {
  const { errors } = useFormState({ control: form.control, name: ['max_tier', 'wait_for'] });
  return (
    <fieldset className={FIELDSET_CLASS}>
      <legend className={LEGEND_CLASS}>Rendering</legend>
      <Field
        label="Maximum tier"
        hint="The API starts at tier 1 and escalates up to this one; you pay only for the tier that succeeds."
        error={errors.max_tier?.message}
      >
        {(control) => (
          <select {...control} className={INPUT_CLASS} {...form.register('max_tier')}>
            {Object.entries(TIER_LABELS).map(([tier, label]) => (
              <option key={tier} value={tier}>
                {label}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field
        label="Wait for (CSS selector)"
        hint="js mode only: the browser waits until this element appears before reading the page."
        error={errors.wait_for?.message}
      >
        {(control) => <input {...control} {...CODE_INPUT} placeholder="#content" {...form.register('wait_for')} />}
      </Field>
    </fieldset>
  );
}
