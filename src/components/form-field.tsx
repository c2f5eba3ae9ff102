import { useId, type ComponentPropsWithRef, type ReactNode } from 'react';

/** What a field's control needs so the label, the hint and the error are tied to it for assistive tech. */
export interface FieldControlProps {
  id: string;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
}

export const INPUT_CLASS =
  'w-full rounded-md border border-slate-400 bg-white px-3 py-2 text-sm aria-[invalid=true]:border-2 ' +
  'aria-[invalid=true]:border-red-700 disabled:cursor-not-allowed disabled:bg-slate-100 disabled:text-slate-500';

/** A short number typed as text, so the contract's schema (not the browser) says what is wrong with it. */
export const NUMBER_INPUT = {
  type: 'text',
  inputMode: 'numeric',
  autoComplete: 'off',
  className: `${INPUT_CLASS} max-w-40`,
} as const;

/** Something copied from code (a selector, a UUID): no autocorrect, monospace. */
export const CODE_INPUT = {
  type: 'text',
  autoComplete: 'off',
  spellCheck: false,
  className: `${INPUT_CLASS} font-mono`,
} as const;

export const FIELDSET_CLASS = 'space-y-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm';
export const LEGEND_CLASS = 'px-1 text-base font-semibold';

const describedBy = (...ids: (string | undefined)[]) => ids.filter(Boolean).join(' ') || undefined;

/** A labelled control with its hint and its error (the error is read first, and announced when it appears). */
export function Field(props: {
  label: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  children: (control: FieldControlProps) => ReactNode;
}) {
  const id = useId();
  const hintId = props.hint ? `${id}-hint` : undefined;
  const errorId = props.error ? `${id}-error` : undefined;
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium">
        {props.label}
      </label>
      {props.children({
        id,
        'aria-invalid': props.error ? true : undefined,
        'aria-describedby': describedBy(errorId, hintId),
      })}
      {props.hint && (
        <p id={hintId} className="text-xs text-slate-600">
          {props.hint}
        </p>
      )}
      <FieldError id={errorId} message={props.error} />
    </div>
  );
}

export function FieldError({ id, message }: { id: string | undefined; message: string | undefined }) {
  if (!message) return null;
  return (
    <p id={id} role="alert" className="text-sm font-medium text-red-800">
      <span aria-hidden="true">⚠ </span>
      {message}
    </p>
  );
}

/** A checkbox whose label wraps it; `input` is what `register` returns, plus `disabled` when it does not apply. */
export function Checkbox(props: { label: ReactNode; hint?: ReactNode; input: ComponentPropsWithRef<'input'> }) {
  const hintId = useId();
  return (
    <div>
      <label className="flex items-center gap-2 text-sm has-[:disabled]:text-slate-500">
        <input type="checkbox" aria-describedby={props.hint ? hintId : undefined} {...props.input} />
        {props.label}
      </label>
      {props.hint && (
        <p id={hintId} className="ml-6 text-xs text-slate-600">
          {props.hint}
        </p>
      )}
    </div>
  );
}
