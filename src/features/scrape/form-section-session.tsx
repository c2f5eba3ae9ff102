import { useId, useRef } from 'react';
import { useFieldArray, useFormState, type UseFormReturn } from 'react-hook-form';
import { CODE_INPUT, FieldError, FIELDSET_CLASS, LEGEND_CLASS } from '../../components/form-field';
import type { ScrapeFormValues } from './form-values';
import { SessionPicker } from './session-picker';

const SMALL_BUTTON = 'rounded-md border border-slate-400 bg-white px-3 py-1.5 text-sm font-medium hover:bg-slate-50';

/** A stored session, or cookies typed here for this one request (the API refuses both at once). */
export function SessionSection({ form }: { form: UseFormReturn<ScrapeFormValues> }) {
  const { errors } = useFormState({ control: form.control, name: 'cookies' });
  const cookies = useFieldArray({ control: form.control, name: 'cookies' });
  const addButton = useRef<HTMLButtonElement>(null);
  const cookiesId = useId();
  const cookiesError = cookieError(errors.cookies?.type, errors.cookies?.message ?? errors.cookies?.root?.message);

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
            <li key={field.id} className="flex flex-wrap items-end gap-2">
              <CookieInput form={form} index={index} part="name" />
              <CookieInput form={form} index={index} part="value" />
              <button type="button" className={SMALL_BUTTON} onClick={() => remove(index)}>
                Remove <span className="sr-only">cookie {index + 1}</span>
              </button>
            </li>
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

// The resolver keeps a record's outer issue ("Invalid key in record"); the only key rule is a non-empty name.
const cookieError = (type: string | undefined, message: string | undefined) =>
  type === 'invalid_key' ? 'Every cookie needs a name.' : message;

function CookieInput(props: { form: UseFormReturn<ScrapeFormValues>; index: number; part: 'name' | 'value' }) {
  const id = useId();
  return (
    <div className="min-w-32 flex-1 space-y-1">
      <label htmlFor={id} className="block text-xs font-medium">
        <span className="sr-only">Cookie {props.index + 1}</span> {props.part === 'name' ? 'Name' : 'Value'}
      </label>
      <input id={id} {...CODE_INPUT} {...props.form.register(`cookies.${props.index}.${props.part}`)} />
    </div>
  );
}
