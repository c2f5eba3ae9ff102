import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { forgetOutcome } from '../../api/forget-outcome';
import { recoverQuerySchema } from '../../../contract/webhooks';
import { webhookMutations, webhookQueries } from '../../api/webhooks';
import { BusyButton } from '../../components/busy-button';
import { Field, INPUT_CLASS } from '../../components/form-field';
import { ThrownErrorGuidance } from '../../errors/guidance-card';
import { PRIMARY_BUTTON } from './ui';

/**
 * A datetime-local value read in UTC, the zone the delivery log shows its times in (so a time copied from the log
 * means the same instant), as an ISO date, or null while it is none.
 */
function isoOfUtc(value: string): string | null {
  const time = new Date(`${value}Z`).getTime();
  if (value.trim() === '' || !Number.isFinite(time)) return null;
  const iso = new Date(time).toISOString();
  return recoverQuerySchema.safeParse({ since: iso }).success ? iso : null;
}

const plural = (count: number) => `${count} failed ${count === 1 ? 'delivery' : 'deliveries'}`;

/** Resend every failed delivery since a time: how many is shown first, then the user runs it. */
export function RecoverPanel({ id }: { id: string }) {
  const queryClient = useQueryClient();
  const [typed, setTyped] = useState('');
  const since = isoOfUtc(typed);
  const preview = useQuery({ ...webhookQueries.recoverPreview(id, since ?? ''), enabled: since !== null });
  const recover = useMutation(webhookMutations.recover(queryClient));
  const count = preview.data?.count;

  return (
    <form
      noValidate
      className="space-y-3"
      onSubmit={(event) => {
        event.preventDefault();
        if (since) recover.mutate({ id, since }, { onSuccess: () => void preview.refetch() });
      }}
    >
      <Field
        label="Failed since (UTC)"
        hint="Failed deliveries from this time on (in UTC, as the log shows times) are sent again, each once, as new deliveries."
        error={typed !== '' && since === null ? 'Enter a date and time' : undefined}
      >
        {(control) => (
          <input
            {...control}
            type="datetime-local"
            value={typed}
            onChange={(event) => {
              // A new time clears the last result, which was about the old one; one under way finishes and reports.
              forgetOutcome(recover);
              setTyped(event.target.value);
            }}
            className={`${INPUT_CLASS} max-w-64`}
          />
        )}
      </Field>
      <p role="status" className="text-sm">
        {recover.data
          ? `${plural(recover.data.count)} sent again: they appear in the log.`
          : count !== undefined
            ? `${plural(count)} since then would be resent.`
            : ''}
      </p>
      {/* Disabled only while there is nothing to resend; while a recovery runs it is busy, and keeps the focus. */}
      <BusyButton type="submit" busy={recover.isPending} disabled={!since || !count} className={PRIMARY_BUTTON}>
        {recover.isPending ? 'Resending…' : count ? `Resend ${plural(count)}` : 'Resend failed deliveries'}
      </BusyButton>
      {(preview.error ?? recover.error) && <ThrownErrorGuidance error={preview.error ?? recover.error} />}
    </form>
  );
}
