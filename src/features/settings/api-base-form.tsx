import { useRef, useState, type FormEvent } from 'react';
import { z } from 'zod';
import { useCredentialsStore } from '../../api/credentials-store';
import { ApiBaseCheck } from './api-base-check';

const apiBaseSchema = z
  .string()
  .trim()
  .min(1, 'Enter the API base URL')
  .refine(
    (value) => value.startsWith('/') || /^https?:\/\/[^\s/]+/.test(value),
    'Use a path on this server (/api/v1) or a full http(s):// URL',
  );

/**
 * Where the API lives: this server's /api/v1 (the sandbox, or its proxy to the real API) or another URL. Once
 * saved, the address is tried at once, so a typo says so here rather than as failures on every other page.
 */
export function ApiBaseForm() {
  const apiBase = useCredentialsStore((state) => state.apiBase);
  const apiBaseChanged = useCredentialsStore((state) => state.apiBaseChanged);
  const field = useRef<HTMLInputElement>(null);
  const [value, setValue] = useState(apiBase);
  const [error, setError] = useState<string | undefined>();
  const [saved, setSaved] = useState(false);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = apiBaseSchema.safeParse(value);
    if (!parsed.success) {
      setError(parsed.error.issues[0]?.message);
      field.current?.focus();
      return;
    }
    setError(undefined);
    apiBaseChanged(parsed.data);
    setValue(useCredentialsStore.getState().apiBase);
    setSaved(true);
  };

  return (
    <form noValidate className="space-y-2" onSubmit={onSubmit}>
      <label htmlFor="api-base" className="block text-sm font-medium">
        API base URL
      </label>
      <div className="flex flex-wrap gap-2">
        <input
          ref={field}
          id="api-base"
          name="apiBase"
          value={value}
          onChange={(event) => setValue(event.target.value)}
          spellCheck={false}
          className="w-full max-w-md rounded-md border border-slate-400 px-3 py-2 font-mono text-sm"
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? 'api-base-error' : undefined}
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
      {saved && !error && <ApiBaseCheck apiBase={apiBase} />}
    </form>
  );
}
