import { useController, useFormState, type UseFormReturn } from 'react-hook-form';
import { SCRAPE_DEFAULTS, SCRAPE_LIMITS } from '../../../contract/scrape-defaults';
import { Checkbox, Field, FIELDSET_CLASS, LEGEND_CLASS, NUMBER_INPUT } from '../../components/form-field';
import type { ScrapeFormValues } from './form-values';

const LIMITS = SCRAPE_LIMITS.timeoutSeconds;

/** How long to wait, and whether to wait at all (an async job answers 202 at once). */
export function AdvancedSection({ form }: { form: UseFormReturn<ScrapeFormValues> }) {
  const { errors } = useFormState({ control: form.control, name: 'timeout' });
  // The box says "in the background", the API's field says `sync`: the checkbox is its inverse.
  const { field: sync } = useController({ control: form.control, name: 'sync' });
  return (
    <fieldset className={FIELDSET_CLASS}>
      <legend className={LEGEND_CLASS}>Advanced</legend>
      <Field
        label="Timeout (seconds)"
        hint={`${LIMITS.min} to ${LIMITS.max}; ${SCRAPE_DEFAULTS.timeout} when left as is. A page slower than this fails with TIMEOUT (refunded).`}
        error={errors.timeout?.message}
      >
        {(control) => <input {...control} {...NUMBER_INPUT} {...form.register('timeout')} />}
      </Field>
      <Checkbox
        label="Run in the background (async job)"
        hint="The API answers at once with a job; the dashboard then checks on it until it is done."
        input={{
          ref: sync.ref,
          name: sync.name,
          checked: !sync.value,
          onChange: (event) => sync.onChange(!event.target.checked),
          onBlur: sync.onBlur,
        }}
      />
    </fieldset>
  );
}
