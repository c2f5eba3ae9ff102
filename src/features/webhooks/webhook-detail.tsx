import { useMutation, useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import type { Ref } from 'react';
import { webhookMutations, webhookQueries } from '../../api/webhooks';
import { ThrownErrorGuidance } from '../../errors/guidance-card';
import { formatDateTime } from '../../lib/format';
import type { WebhookWithSecret } from '../../../contract/webhooks';
import { DeleteWebhook } from './delete-webhook';
import { ActiveLabel, SuccessRate } from './delivery-status';
import { SECONDARY_BUTTON } from './ui';
import { BusyButton } from '../../components/busy-button';

/** One endpoint: what it is, how it does, and what can be done with it. */
export function WebhookDetail({
  firstActionRef,
  ...props
}: {
  id: string;
  onEdit: () => void;
  onDeleted: () => void;
  onSecret: (webhook: WebhookWithSecret) => void;
  /** The first action, "Send test event": where the keyboard goes once a new endpoint's secret is put away. */
  firstActionRef?: Ref<HTMLButtonElement>;
}) {
  const queryClient = useQueryClient();
  const { data } = useSuspenseQuery(webhookQueries.detail(props.id));
  const { webhook, stats } = data;
  const setActive = useMutation(webhookMutations.setActive(queryClient));
  const sendTest = useMutation(webhookMutations.sendTest(queryClient));
  const rotate = useMutation(webhookMutations.rotateSecret(queryClient));
  const failed = setActive.error ?? sendTest.error ?? rotate.error;

  return (
    <div className="space-y-3">
      <dl className="grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[max-content_1fr]">
        <dt className="font-medium">URL</dt>
        <dd className="font-mono break-all">{webhook.url}</dd>
        <dt className="font-medium">Events</dt>
        <dd className="font-mono">{webhook.events.join(', ')}</dd>
        <dt className="font-medium">Status</dt>
        <dd>
          <ActiveLabel active={webhook.is_active} />
        </dd>
        <dt className="font-medium">Recent success rate</dt>
        <dd>
          <SuccessRate stats={stats} />
          {stats.pending > 0 && <span className="text-slate-700"> · {stats.pending} pending</span>}
        </dd>
        <dt className="font-medium">Secret</dt>
        <dd>
          <span className="font-mono">whsec_…{webhook.secret_last4}</span>
        </dd>
        <dt className="font-medium">Created</dt>
        <dd>{formatDateTime(webhook.created_at)}</dd>
      </dl>
      <div className="flex flex-wrap gap-2">
        <BusyButton
          ref={firstActionRef}
          busy={sendTest.isPending}
          onClick={() => sendTest.mutate({ id: webhook.id })}
          className={SECONDARY_BUTTON}
        >
          {sendTest.isPending ? 'Sending…' : 'Send test event'}
        </BusyButton>
        <BusyButton
          busy={setActive.isPending}
          onClick={() => setActive.mutate({ id: webhook.id, active: !webhook.is_active })}
          className={SECONDARY_BUTTON}
        >
          {webhook.is_active ? 'Disable' : 'Enable'}
        </BusyButton>
        <button type="button" onClick={props.onEdit} className={SECONDARY_BUTTON}>
          Edit
        </button>
        <BusyButton
          busy={rotate.isPending}
          onClick={() => rotate.mutate(webhook.id, { onSuccess: props.onSecret })}
          className={SECONDARY_BUTTON}
        >
          Rotate secret
        </BusyButton>
        <DeleteWebhook webhook={webhook} onDeleted={props.onDeleted} />
      </div>
      <p role="status" className="text-sm text-slate-700">
        {sendTest.data && !sendTest.isPending ? 'Test event queued: it appears in the delivery log below.' : ''}
      </p>
      {failed && <ThrownErrorGuidance error={failed} />}
    </div>
  );
}
