/**
 * Forgets a mutation's last answer or error, so a dialog or a form opened again starts clean, unless its call is
 * still running: `reset()` then lets go of the call, `isPending` turns false while the request is out, and the busy
 * button reading it goes live and sends it a second time.
 */
export function forgetOutcome(mutation: { isPending: boolean; reset: () => void }): void {
  if (!mutation.isPending) mutation.reset();
}
