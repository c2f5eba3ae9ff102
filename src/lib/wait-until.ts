/**
 * Waits until `at` (ms since the epoch). `skip` ends the wait early, as if the time had come; `signal` cancels
 * it (the promise rejects with its reason). Either way the timer and the listeners go with it.
 */
export function waitUntil(at: number, { signal, skip }: { signal: AbortSignal; skip?: AbortSignal }): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) {
      reject(signal.reason);
      return;
    }
    const end = (settle: () => void) => () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', cancelled);
      skip?.removeEventListener('abort', due);
      settle();
    };
    const due = end(resolve);
    const cancelled = end(() => reject(signal.reason));
    const timer = setTimeout(due, Math.max(0, at - Date.now()));
    signal.addEventListener('abort', cancelled, { once: true });
    skip?.addEventListener('abort', due, { once: true });
  });
}
