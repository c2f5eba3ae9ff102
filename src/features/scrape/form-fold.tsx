import { useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { useFormState, useWatch, type UseFormReturn } from 'react-hook-form';
import { DEFAULT_FORM_VALUES, type ScrapeFormValues } from './form-values';

type FieldName = keyof ScrapeFormValues;

const differs = (form: UseFormReturn<ScrapeFormValues>, field: FieldName) =>
  JSON.stringify(form.getValues(field)) !== JSON.stringify(DEFAULT_FORM_VALUES[field]);

/**
 * A group of the form most runs leave alone, folded so the Run button and the result stay close. It opens by
 * itself when it holds a value that is not the default (a saved draft, and each time a demo target, a reopened run
 * or a guidance fix puts one there) or an invalid field.
 */
export function FoldedGroup(props: {
  form: UseFormReturn<ScrapeFormValues>;
  fields: readonly FieldName[];
  summary: string;
  /** Fields a failed submit found invalid: their group opens before the first of them is focused. */
  invalid: ReadonlySet<string>;
  children: ReactNode;
}) {
  const { form, fields } = props;
  const [open, setOpen] = useState(() => fields.some((field) => differs(form, field)));
  const { errors } = useFormState({ control: form.control, name: [...fields] });
  const needed = fields.some((field) => errors[field] !== undefined || props.invalid.has(field));
  const details = useRef<HTMLDetailsElement>(null);
  // The form's values change under a folded group only from outside it (a reset): what was put there is shown.
  const values = JSON.stringify(useWatch({ control: form.control, name: [...fields] }));
  const changed = fields.some((field) => differs(form, field));
  useLayoutEffect(() => {
    if (changed && details.current) details.current.open = true;
  }, [changed, values]);
  // Opened on the element itself, before the browser paints and before the form moves focus into it; each failed
  // submit (a new `invalid`) opens it again, even after the user folded it.
  useLayoutEffect(() => {
    if (needed && details.current) details.current.open = true;
  }, [needed, props.invalid]);
  return (
    <details ref={details} open={open} onToggle={(event) => setOpen(event.currentTarget.open)} className="space-y-2">
      <summary className="cursor-pointer rounded-md px-1 py-1 text-sm font-semibold text-blue-800">
        {props.summary}
      </summary>
      {props.children}
    </details>
  );
}
