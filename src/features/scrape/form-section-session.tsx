import { useId, useRef } from 'react';
import { useFieldArray, useFormState, type UseFormReturn } from 'react-hook-form';
import { FieldError, FIELDSET_CLASS, LEGEND_CLASS } from '../../components/form-field';
import { CookieRow, SMALL_BUTTON } from './cookie-row';
import type { ScrapeFormValues } from './form-values';
import { SessionPicker } from './session-picker';

/** A stored session, or cookies typed here for this one request (the API refuses both at once). */
export function SessionSection({ form }: { form: UseFormReturn<ScrapeFormValues> }) {
  const { errors } = useFormState({ control: form.control, name: 'cookies' });
  const cookies = useFieldArray({ control: form.control, name: 'cookies' });
  const addButton = useRef<HTMLButtonElement>(null);
  const cookiesId = useId();
  // A row's own problem shows at the row; this is the whole list's (cookies beside a stored session).
  const cookiesError = errors.cookies?.message ?? errors.cookies?.root?.message;

  const remove = (index: number) => {
    cookies.remove(index);
    // The removed row took the focused button with it: keep keyboard users in the list.
    addButton.current?.focus();
  };

  return (
    <fieldset className={FIELDSET_CLASS}>
      <legend className={LEGEND_CLASS}>Session &amp; cookies</legend>
      <SessionPicker form={form} />
      <fieldset aria-describedby={cookiesError ? `${cookiesId}-error ${cookiesId}` : cookiesId} className="space-y-2">
        <legend className="text-sm font-medium">Inline cookies</legend>
        <p id={cookiesId} className="text-xs text-slate-600">
          Sent with this request only. Their values are not kept in the saved draft or the run history.
        </p>
        {cookies.fields.length === 0 && <p className="text-sm text-slate-700">No cookies.</p>}
        <ul className="space-y-2">
          {cookies.fields.map((field, index) => (
            <CookieRow
              key={field.id}
              form={form}
              index={index}
              error={errors.cookies?.[index]}
              onRemove={() => remove(index)}
            />
          ))}
        </ul>
        <FieldError id={`${cookiesId}-error`} message={cookiesError} />
        <button
          ref={addButton}
          type="button"
          className={SMALL_BUTTON}
          onClick={() =>
            cookies.append({ name: '', value: '' }, { focusName: `cookies.${cookies.fields.length}.name` })
          }
        >
          Add a cookie
        </button>
      </fieldset>
    </fieldset>
  );
}
