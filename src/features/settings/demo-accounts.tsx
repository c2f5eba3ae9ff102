import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { maskApiKey } from '../../../contract/api-key';
import { sandboxQueries } from '../../api/sandbox';
import { credits } from '../../lib/format';
import { useAfterFirstPaint } from '../../lib/use-after-first-paint';
import { useConnect } from './use-connect';
import { BusyButton } from '../../components/busy-button';

/** The sandbox's test accounts, one click each. Against the real API there are none, and nothing shows. */
export function DemoAccounts() {
  // Below the key field and the first steps: the list (and the schema it loads) waits for the key prompt's paint.
  // A new key empties the query cache: the list stays while the server is asked again, so the button just pressed
  // (and the keyboard's focus on it) is not taken away.
  const info = useQuery({
    ...sandboxQueries.info(),
    enabled: useAfterFirstPaint(),
    placeholderData: keepPreviousData,
  });
  const connect = useConnect();
  const accounts = info.data?.demo_accounts;
  if (!accounts) return null;

  return (
    <section aria-labelledby="demo-accounts-heading" className="space-y-2">
      <h2 id="demo-accounts-heading" className="text-lg font-semibold">
        Or use a sandbox demo account
      </h2>
      <ul className="grid gap-2 sm:grid-cols-2">
        {accounts.map((account) => (
          <li
            key={account.key}
            className="flex items-center justify-between gap-3 rounded-md border border-slate-300 bg-white p-3"
          >
            <div className="min-w-0 text-sm">
              <p className="font-semibold">
                {account.name}
                {account.is_default && (
                  <span className="ml-2 rounded bg-blue-100 px-1.5 text-xs text-blue-900">default</span>
                )}
              </p>
              <p className="font-mono text-xs break-all text-slate-600">{maskApiKey(account.key)}</p>
              <p className="text-slate-700">
                {account.balance_credits !== null && `${credits(account.balance_credits)} · `}
                {account.shows}
              </p>
            </div>
            <BusyButton
              className="shrink-0 rounded-md border border-blue-700 px-3 py-1.5 text-sm font-medium text-blue-800 hover:bg-blue-50"
              aria-label={`Use the ${account.name} demo account, key ${maskApiKey(account.key)}`}
              busy={connect.isPending}
              onClick={() => connect.mutate({ apiKey: account.key, remember: false })}
            >
              Use
            </BusyButton>
          </li>
        ))}
      </ul>
      {connect.isError && (
        <p role="alert" className="text-sm font-medium text-red-800">
          That demo key was refused: {connect.error.message}. The revoked key shows INVALID_API_KEY on purpose.
        </p>
      )}
    </section>
  );
}
