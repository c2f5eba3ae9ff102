import { useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { ApiError } from '../../api/api-error';
import { sendBurstCall } from '../../api/rate-limit-burst';
import { usageQueries } from '../../api/usage';
import { BusyButton } from '../../components/busy-button';

/** Bounded so one click cannot spend a small plan's whole minute; 20 is still four times the free plan's burst. */
const BURST_MIN = 1;
const BURST_MAX = 20;

interface BurstOutcome {
  sent: number;
  answered: number;
  refused: number;
  failed: number;
}

/** Reads the field: a whole number within the bounds, or null. */
function parseBurstSize(text: string): number | null {
  if (!/^\s*\d+\s*$/.test(text)) return null;
  const size = Number(text);
  return size >= BURST_MIN && size <= BURST_MAX ? size : null;
}

/**
 * Fires N calls at once through the one HTTP client, as the user's own (GET /usage: cheap, free of charge, and
 * counted in the key's limits), so a person can watch 429s arrive on the timeline and the meter recover.
 */
export function BurstForm() {
  const queryClient = useQueryClient();
  const [size, setSize] = useState('10');
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const [outcome, setOutcome] = useState<BurstOutcome | null>(null);
  const fieldId = useId();
  const errorId = useId();

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (sending) return;
    const count = parseBurstSize(size);
    if (count === null) {
      setError(`Enter a whole number from ${BURST_MIN} to ${BURST_MAX}.`);
      return;
    }
    setError(null);
    setSending(true);
    const results = await Promise.allSettled(Array.from({ length: count }, () => sendBurstCall()));
    setSending(false);
    const answered = results.filter((result) => result.status === 'fulfilled');
    const latest = answered.at(-1);
    // The freshest balance there is: the alerts and the plan read it.
    if (latest?.status === 'fulfilled') queryClient.setQueryData(usageQueries.summary().queryKey, latest.value);
    const refused = results.filter(
      (result) => result.status === 'rejected' && result.reason instanceof ApiError && result.reason.status === 429,
    ).length;
    setOutcome({ sent: count, answered: answered.length, refused, failed: count - answered.length - refused });
  }

  return (
    <form onSubmit={(event) => void onSubmit(event)} noValidate className="space-y-2 text-sm">
      <div className="flex flex-wrap items-end gap-3">
        <div>
          <label htmlFor={fieldId} className="block font-medium">
            Requests to send ({BURST_MIN}–{BURST_MAX})
          </label>
          <input
            id={fieldId}
            type="number"
            inputMode="numeric"
            min={BURST_MIN}
            max={BURST_MAX}
            value={size}
            onChange={(event) => setSize(event.target.value)}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? errorId : undefined}
            className="mt-1 w-24 rounded border border-slate-400 px-2 py-1"
          />
        </div>
        <BusyButton
          type="submit"
          busy={sending}
          className="rounded bg-sky-700 px-3 py-1.5 font-medium text-white hover:bg-sky-800"
        >
          {sending ? 'Sending…' : 'Send a burst'}
        </BusyButton>
      </div>
      {error && (
        <p id={errorId} className="text-red-700">
          {error}
        </p>
      )}
      <p role="status" data-testid="burst-outcome">
        {outcome &&
          `Sent ${outcome.sent}: ${outcome.answered} answered, ${outcome.refused} refused with 429` +
            (outcome.failed ? `, ${outcome.failed} failed otherwise.` : '.')}
      </p>
    </form>
  );
}
