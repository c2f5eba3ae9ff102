import { useQuery } from '@tanstack/react-query';
import { maskApiKey } from '../../../contract/api-key';
import { useCredentialsStore } from '../../api/credentials-store';
import { sandboxQueries } from '../../api/sandbox';
import { ApiBaseForm } from './api-base-form';
import { ApiKeyForm } from './api-key-form';
import { DemoAccounts } from './demo-accounts';
import { ResetSandbox } from './reset-sandbox';
import { ThemePicker } from './theme-picker';

export function SettingsPage() {
  const apiKey = useCredentialsStore((state) => state.apiKey);
  const remember = useCredentialsStore((state) => state.remember);
  const keyForgotten = useCredentialsStore((state) => state.keyForgotten);
  const info = useQuery(sandboxQueries.info());

  return (
    <div className="max-w-4xl space-y-8">
      <h1 className="text-2xl font-semibold">Settings</h1>
      <section aria-labelledby="key-heading" className="space-y-3">
        <h2 id="key-heading" className="text-lg font-semibold">
          Your API key
        </h2>
        {apiKey ? (
          <div className="flex flex-wrap items-center gap-3 text-sm">
            <p>
              Using <span className="font-mono">{maskApiKey(apiKey)}</span>,{' '}
              {remember ? 'remembered on this device' : 'kept for this tab only'}.
            </p>
            <button type="button" className="rounded-md border border-slate-400 px-3 py-1.5" onClick={keyForgotten}>
              Forget this key
            </button>
          </div>
        ) : (
          <p className="text-sm">No key yet.</p>
        )}
        <ApiKeyForm submitLabel={apiKey ? 'Use this key instead' : 'Connect'} />
      </section>
      <section aria-labelledby="server-heading" className="space-y-3">
        <h2 id="server-heading" className="text-lg font-semibold">
          API server
        </h2>
        <p className="text-sm" data-testid="server-kind">
          {info.isPending
            ? 'Checking the server…'
            : info.isError
              ? `The API could not be asked what it is (${info.error.message}).`
              : info.data
                ? `This is the local sandbox: every error code can be produced on purpose. Demo web at ${info.data.demo_web_url}.`
                : 'This server is not the sandbox (the real API, or a proxy to it).'}
        </p>
        <ApiBaseForm />
      </section>
      <DemoAccounts />
      <ResetSandbox />
      <ThemePicker />
    </div>
  );
}
