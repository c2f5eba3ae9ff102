import { useMutation, useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useEffect, useRef } from 'react';
import { WEBHOOK_MAX_ATTEMPTS, WEBHOOK_TIMEOUT_SECONDS } from '../../../contract/webhooks';
import { webhookMutations, webhookQueries } from '../../api/webhooks';
import { ColumnHeaders } from '../../components/column-headers';
import { ScrollRegion } from '../../components/scroll-region';
import { ThrownErrorGuidance } from '../../errors/guidance-card';
import { formatDateTime } from '../../lib/format';
import { DeliveryStatusLabel } from './delivery-status';
import { CODE_BLOCK, SCROLL_FRAME, SECONDARY_BUTTON } from './ui';
import { BusyButton } from '../../components/busy-button';

const COLUMNS = [
  { label: 'Attempt' },
  { label: 'Time' },
  { label: 'Answer' },
  { label: 'Duration' },
  { label: 'Receiver said' },
];
const CELL = 'px-3 py-2 align-top';

/** The body as sent, indented when it is JSON (it always is; the exact bytes are what was signed). */
const pretty = (payload: string) => {
  try {
    return JSON.stringify(JSON.parse(payload), null, 2);
  } catch {
    return payload;
  }
};

/**
 * One delivery: every attempt with its status and duration, the payload, the receiver's answers, and resend. A
 * resend opens the new delivery in a view of its own; `takeFocus` brings the keyboard there, to its status line,
 * rather than leaving it on the page once the old view's button is gone, once: `onFocusTaken` says it is done.
 */
export function DeliveryView({
  id,
  deliveryId,
  takeFocus = false,
  onFocusTaken,
  onResent,
}: {
  id: string;
  deliveryId: string;
  takeFocus?: boolean;
  onFocusTaken?: () => void;
  onResent?: (queuedId: string) => void;
}) {
  const queryClient = useQueryClient();
  const navigate = useNavigate({ from: '/webhooks' });
  const { data: delivery } = useSuspenseQuery(webhookQueries.delivery(id, deliveryId));
  const resend = useMutation(webhookMutations.resend(queryClient));
  const summary = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (!takeFocus) return;
    summary.current?.focus();
    onFocusTaken?.();
  }, [takeFocus, onFocusTaken]);

  return (
    <div className="space-y-3">
      <p ref={summary} tabIndex={-1} className="text-sm">
        <DeliveryStatusLabel status={delivery.status} /> · <span className="font-mono">{delivery.event}</span> ·{' '}
        {delivery.attempt_count} of {WEBHOOK_MAX_ATTEMPTS} attempts
        {delivery.next_attempt_at && <> · next attempt {formatDateTime(delivery.next_attempt_at)}</>}
      </p>
      {delivery.attempts.length > 0 && (
        <ScrollRegion label="Attempts table">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Attempts of this delivery</caption>
            <ColumnHeaders columns={COLUMNS} cellClassName="px-3 py-2" />
            <tbody>
              {delivery.attempts.map((attempt) => (
                <tr key={attempt.attempt} className="border-b border-slate-100">
                  <th scope="row" className={`${CELL} font-normal`}>
                    {attempt.attempt}
                  </th>
                  <td className={CELL}>{formatDateTime(attempt.at)}</td>
                  <td className={`${CELL} font-medium ${attempt.ok ? 'text-green-800' : 'text-red-800'}`}>
                    {attempt.status_code !== null ? `HTTP ${attempt.status_code}` : (attempt.error ?? 'no answer')}
                    {attempt.status_code === null &&
                      attempt.error === 'timeout' &&
                      ` (no answer within ${WEBHOOK_TIMEOUT_SECONDS} s)`}
                  </td>
                  <td className={CELL}>{Math.round(attempt.duration_ms)} ms</td>
                  <td className={`${CELL} font-mono text-xs break-all`}>{attempt.response_excerpt || '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
      <div className="flex flex-wrap items-center gap-2">
        <BusyButton
          busy={resend.isPending}
          onClick={() =>
            resend.mutate(
              { id, deliveryId },
              {
                onSuccess: (queued) => {
                  onResent?.(queued.id);
                  void navigate({ search: (prev) => ({ ...prev, delivery: queued.id }) });
                },
              },
            )
          }
          className={SECONDARY_BUTTON}
        >
          {resend.isPending ? 'Resending…' : 'Resend this delivery'}
        </BusyButton>
        <span className="text-sm text-slate-700">
          The same body, as a new delivery with {WEBHOOK_MAX_ATTEMPTS} attempts of its own.
        </span>
      </div>
      {resend.error && <ThrownErrorGuidance error={resend.error} />}
      <h3 className="text-sm font-semibold">Payload</h3>
      <ScrollRegion label="Payload" className={SCROLL_FRAME}>
        <pre className={CODE_BLOCK}>{pretty(delivery.payload)}</pre>
      </ScrollRegion>
    </div>
  );
}
