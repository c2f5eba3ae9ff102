import { useId, useRef, useState, type FormEvent } from 'react';
import { isApiError } from '../../api/api-error';
import { BusyButton } from '../../components/busy-button';
import { LazyThrownErrorGuidance } from '../../errors/lazy-guidance';
import { useConnect } from './use-connect';

/**
 * Paste a key, check it against the API, keep it. A refused key is explained at the field, which gets the focus;
 * the text stays. One field does not need a form library: a controlled input and the contract's key schema, which
 * loads on the first submit (this form is the first screen, and the first load carries no zod).
 */
export function ApiKeyForm({ submitLabel = 'Connect' }: { submitLabel?: string }) {
  const connect = useConnect();
  const hintId = useId();
  const field = useRef<HTMLInputElement>(null);
  const [apiKey, setApiKey] = useState('');
  const [remember, setRemember] = useState(false);
  const [fieldError, setFieldError] = useState<string | undefined>();

  const refuse = (message: string) => {
    setFieldError(message);
    field.current?.focus();
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const { apiKeySchema } = await import('../../../contract/auth');
    const parsed = apiKeySchema.safeParse(apiKey);
    if (!parsed.success) {
      refuse(parsed.error.issues[0]?.message ?? 'Enter an API key');
      return;
    }
    setFieldError(undefined);
    try {
      await connect.mutateAsync({ apiKey: parsed.data, remember });
    } catch (error) {
      if (isApiError(error) && error.status === 401) {
        refuse(`The API refused this key (${error.code}): ${error.message}`);
      }
    }
  };

  const unexpected = connect.error && isApiError(connect.error) && connect.error.status !== 401 ? connect.error : null;

  return (
    <form
      onSubmit={(event) => void onSubmit(event)}
      noValidate
      className="space-y-3"
      aria-label="Connect with an API key"
    >
      <div className="space-y-1">
        <label htmlFor="api-key" className="block text-sm font-medium">
          API key
        </label>
        <input
          ref={field}
          id="api-key"
          name="apiKey"
          type="password"
          autoComplete="off"
          spellCheck={false}
          value={apiKey}
          onChange={(event) => setApiKey(event.target.value)}
          className="w-full max-w-xl rounded-md border border-slate-400 px-3 py-2 font-mono text-sm"
          aria-invalid={fieldError ? true : undefined}
          aria-describedby={fieldError ? `${hintId}-error ${hintId}` : hintId}
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
        <input
          type="checkbox"
          name="remember"
          checked={remember}
          onChange={(event) => setRemember(event.target.checked)}
        />
        Remember on this device
      </label>
      <BusyButton
        type="submit"
        busy={connect.isPending}
        className="rounded-md bg-blue-700 px-4 py-2 text-sm font-semibold text-white hover:bg-blue-800"
      >
        {connect.isPending ? 'Checking the key…' : submitLabel}
      </BusyButton>
      {unexpected && <LazyThrownErrorGuidance error={unexpected} />}
    </form>
  );
}
