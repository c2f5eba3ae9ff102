import { ApiKeyForm } from './api-key-form';
import { DemoAccounts } from './demo-accounts';
import { FirstSteps } from './first-steps';

/** The first-run prompt: shown by any page that needs the API while no key is set. */
export function ConnectPanel() {
  return (
    <section aria-labelledby="connect-heading" className="max-w-4xl space-y-6">
      <div className="space-y-1">
        <h1 id="connect-heading" className="text-2xl font-semibold">
          Connect to the API
        </h1>
        <p className="text-slate-700">
          Paste an API key to see your balance, usage and rate limit. The key stays in this browser and is never put in
          an address, a log or an export.
        </p>
      </div>
      {/* After the field: the key comes first for a keyboard user, and the links need one anyway. */}
      <ApiKeyForm />
      <FirstSteps />
      <DemoAccounts />
    </section>
  );
}
