import { useFormState, type UseFormReturn } from 'react-hook-form';
import { Field, FIELDSET_CLASS, LEGEND_CLASS, NUMBER_INPUT } from '../../components/form-field';
import type { ScrapeFormValues } from './form-values';

/** A cap on what one request may cost: the API refuses, uncharged, a request estimated above it. */
export function CostSection({ form }: { form: UseFormReturn<ScrapeFormValues> }) {
  const { errors } = useFormState({ control: form.control, name: 'max_credits' });
  return (
    <fieldset className={FIELDSET_CLASS}>
      <legend className={LEGEND_CLASS}>Cost</legend>
      <Field
        label="Maximum credits"
        hint="Empty: no cap. Above the cap the API answers EXCEEDS_COST_LIMIT and charges nothing."
        error={errors.max_credits?.message}
      >
        {(control) => <input {...control} {...NUMBER_INPUT} inputMode="decimal" {...form.register('max_credits')} />}
      </Field>
    </fieldset>
  );
}
