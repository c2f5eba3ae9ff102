import { useFormState, type UseFormReturn } from 'react-hook-form';
import { TIER_FACTS, TIERS } from '../../../contract/pricing';
import { credits } from '../../lib/format';
import { Checkbox, CODE_INPUT, Field, FIELDSET_CLASS, INPUT_CLASS, LEGEND_CLASS } from '../../components/form-field';
import type { ScrapeFormValues } from './form-values';

/** "1 · plain HTTP (1 credit)", then "2 · browser-like headers (2)": the unit is said once, on the first. */
const TIER_OPTIONS = TIERS.map((tier, index) => {
  const price = TIER_FACTS[tier].credits;
  return { tier, label: `${tier} · ${TIER_FACTS[tier].name} (${index === 0 ? credits(price) : price})` };
});

/** How far the API may escalate to get the page, what a browser should wait for, and what to bring back of it. */
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
            {TIER_OPTIONS.map(({ tier, label }) => (
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
      <Checkbox
        label="Screenshot"
        hint="Taken only by the browser, tiers 3–4: with mode js always, with mode auto only if the page needed a browser."
        input={form.register('screenshot')}
      />
      <Checkbox
        label="Raw HTML"
        hint="The page's HTML as fetched (raw_html), beside the formats above."
        input={form.register('include_raw_html')}
      />
    </fieldset>
  );
}
