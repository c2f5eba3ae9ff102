import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { useCredentialsStore } from '../../api/credentials-store';

const formSchema = z.object({
  apiBase: z
    .string()
    .trim()
    .min(1, 'Enter the API base URL')
    .refine(
      (value) => value.startsWith('/') || /^https?:\/\/[^\s/]+/.test(value),
      'Use a path on this server (/api/v1) or a full http(s):// URL',
    ),
});

/** Where the API lives: this server's /api/v1 (the sandbox, or its proxy to the real API) or another URL. */
export function ApiBaseForm() {
  const apiBase = useCredentialsStore((state) => state.apiBase);
  const apiBaseChanged = useCredentialsStore((state) => state.apiBaseChanged);
  const form = useForm({ resolver: zodResolver(formSchema), values: { apiBase } });
  const error = form.formState.errors.apiBase?.message;

  return (
    <form noValidate className="space-y-2" onSubmit={form.handleSubmit((values) => apiBaseChanged(values.apiBase))}>
      <label htmlFor="api-base" className="block text-sm font-medium">
        API base URL
      </label>
      <div className="flex flex-wrap gap-2">
        <input
          id="api-base"
          className="w-full max-w-md rounded-md border border-slate-400 px-3 py-2 font-mono text-sm"
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? 'api-base-error' : undefined}
          {...form.register('apiBase')}
        />
        <button type="submit" className="rounded-md border border-slate-400 px-3 py-2 text-sm font-medium">
          Save
        </button>
      </div>
      {error && (
        <p id="api-base-error" role="alert" className="text-sm font-medium text-red-800">
          {error}
        </p>
      )}
    </form>
  );
}
