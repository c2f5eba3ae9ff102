import { useId } from 'react';
import { useWatch, type UseFormReturn } from 'react-hook-form';
import { CODE_INPUT, FieldError } from '../../components/form-field';
import { isEmptyCookieRow, type CookieRowError } from './cookie-rows';
import type { ScrapeFormValues } from './form-values';

export const SMALL_BUTTON =
  'rounded-md border border-slate-400 bg-white px-3 py-1.5 text-sm font-medium hover:bg-slate-50';

/** One inline cookie: its name, its value, and under them what is wrong with either, tied to its input. */
export function CookieRow(props: {
  form: UseFormReturn<ScrapeFormValues>;
  index: number;
  error: CookieRowError | undefined;
  onRemove: () => void;
}) {
  const id = useId();
  const { form, index, error } = props;
  const row = useWatch({ control: form.control, name: `cookies.${index}` });
  // The row's own error is checked again only on the next submit: it stands only while the row is still empty.
  const rowMessage = row && isEmptyCookieRow(row) ? error?.message : undefined;
  const input = (part: 'name' | 'value') => {
    const describedBy = rowMessage ? `${id}-error` : error?.[part] && `${id}-${part}-error`;
    return (
      <div className="min-w-32 flex-1 space-y-1">
        <label htmlFor={`${id}-${part}`} className="block text-xs font-medium">
          <span className="sr-only">Cookie {index + 1}</span> {part === 'name' ? 'Name' : 'Value'}
        </label>
        <input
          id={`${id}-${part}`}
          {...CODE_INPUT}
          aria-invalid={describedBy ? true : undefined}
          aria-describedby={describedBy || undefined}
          {...form.register(`cookies.${index}.${part}`)}
        />
      </div>
    );
  };
  return (
    <li className="flex flex-wrap items-end gap-2">
      {input('name')}
      {input('value')}
      <button type="button" className={SMALL_BUTTON} onClick={props.onRemove}>
        Remove <span className="sr-only">cookie {index + 1}</span>
      </button>
      {/* Below the row, so an error does not push one input out of line with the other. */}
      {(rowMessage || error?.name || error?.value) && (
        <div className="basis-full space-y-1">
          <FieldError id={`${id}-error`} message={rowMessage} />
          <FieldError id={`${id}-name-error`} message={error?.name?.message} />
          <FieldError id={`${id}-value-error`} message={error?.value?.message} />
        </div>
      )}
    </li>
  );
}
