import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { forgetOutcome } from '../../api/forget-outcome';
import { sandboxMutations, sandboxQueries } from '../../api/sandbox';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { LazyThrownErrorGuidance } from '../../errors/lazy-guidance';

/** The sandbox only: its data back to the demo accounts of a new data dir. The real API has nothing to reset. */
export function ResetSandbox() {
  const info = useQuery(sandboxQueries.info());
  const queryClient = useQueryClient();
  const reset = useMutation(sandboxMutations.reset(queryClient));
  const [open, setOpen] = useState(false);
  if (!info.data) return null;

  return (
    <section aria-labelledby="reset-heading" className="space-y-2">
      <h2 id="reset-heading" className="text-lg font-semibold">
        Sandbox data
      </h2>
      <p className="text-sm text-slate-700">
        Start again from the demo accounts: every call, charge, stored session, webhook and key made here is removed.
      </p>
      <button
        type="button"
        className="rounded-md border border-red-800 px-3 py-1.5 text-sm font-medium text-red-800 hover:bg-red-50"
        onClick={() => {
          forgetOutcome(reset);
          setOpen(true);
        }}
      >
        Reset the sandbox…
      </button>
      {reset.isSuccess && (
        <p role="status" className="text-sm">
          The sandbox was reset: {reset.data.demo_accounts} demo accounts, nothing else.
        </p>
      )}
      <ConfirmDialog
        open={open}
        onOpenChange={setOpen}
        title="Reset the sandbox?"
        description="Every account's calls, charges, sessions and webhooks are deleted, and keys made here stop working. The demo accounts start again with their first balance. This cannot be undone."
        confirmLabel="Reset the sandbox"
        pending={reset.isPending}
        onConfirm={() => reset.mutate(undefined, { onSuccess: () => setOpen(false) })}
        error={reset.error && <LazyThrownErrorGuidance error={reset.error} />}
      />
    </section>
  );
}
