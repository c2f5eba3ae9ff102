import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Webhook } from '../../../contract/webhooks';
import { webhookMutations } from '../../api/webhooks';
import { DeleteWithConfirmation } from '../../components/delete-with-confirmation';

/** Delete, after a confirmation that says what goes with it. */
export function DeleteWebhook({ webhook, onDeleted }: { webhook: Webhook; onDeleted: () => void }) {
  const remove = useMutation(webhookMutations.remove(useQueryClient()));
  const name = webhook.name ?? webhook.url;
  return (
    <DeleteWithConfirmation
      remove={remove}
      id={webhook.id}
      title={`Delete “${name}”?`}
      description="No more events are sent to it, and its delivery log is erased. This cannot be undone."
      confirmLabel="Delete webhook"
      deletedText={`Webhook “${name}” deleted.`}
      onDeleted={onDeleted}
    />
  );
}
