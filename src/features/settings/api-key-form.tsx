import { zodResolver } from '@hookform/resolvers/zod';
import { useId } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { apiKeySchema } from '../../../contract/auth';
import { isApiError } from '../../api/api-error';
import { ThrownErrorGuidance } from '../../errors/guidance-card';
import { useConnect } from './use-connect';

const formSchema = z.object({ apiKey: apiKeySchema, remember: z.boolean() });
type FormValues = z.infer<typeof formSchema>;

/** Paste a key, check it against the API, keep it. A refused key is explained at the field; the text stays. */
export function ApiKeyForm({ submitLabel = 'Connect' }: { submitLabel?: string }) {
  const connect = useConnect();
  const hintId = useId();
  const form = useForm<FormValues>({
    resolver: zodResolver(formSchema),
    defaultValues: { apiKey: '', remember: false },
  });
  const { errors } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    try {
      await connect.mutateAsync({ apiKey: values.apiKey.trim(), remember: values.remember });
    } catch (error) {
      if (isApiError(error) && error.status === 401) {
        form.setError('apiKey', { message: `The API refused this key (${error.code}): ${error.message}` });
      }
    }
  });

  const unexpected = connect.error && isApiError(connect.error) && connect.error.status !== 401 ? connect.error : null;
  const fieldError = errors.apiKey?.message;

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3" aria-label="Connect with an API key">
      <div className="space-y-1">
        <label htmlFor="api-key" className="block text-sm font-medium">
          API key
        </label>
        <input
          id="api-key"
          type="password"
          autoComplete="off"
          spellCheck={false}
          className="w-full max-w-xl rounded-md border border-slate-400 px-3 py-2 font-mono text-sm"
          aria-invalid={fieldError ? true : undefined}
          aria-describedby={fieldError ? `${hintId}-error` : hintId}
          {...form.register('apiKey')}
        />
        <p id={hintId} className="text-sm text-slate-600">
          Starts with sk_live_ or sk_test_. Kept in this tab only, unless you tick the box below.
        </p>
        {fieldError && (
          <p id={`${hintId}-error`} role="alert" className="text-sm font-medium text-red-800">
            {fieldError}
          </p>
        )}
      </div>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" {...form.register('remember')} />
        Remember on this device
      </label>
      <button
        type="submit"
        disabled={connect.isPending}
        className="rounded-md bg-blue-700 px-4 py-2 text-sm font-semibold text-white hover:bg-blue-800 disabled:opacity-60"
      >
        {connect.isPending ? 'Checking the key…' : submitLabel}
      </button>
      {unexpected && <ThrownErrorGuidance error={unexpected} />}
    </form>
  );
}
