import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { Webhook } from '../../../contract/webhooks';
import { webhookMutations } from '../../api/webhooks';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { useNoticeStore } from '../../components/notice-store';
import { ThrownErrorGuidance } from '../../errors/guidance-card';
import { DANGER_BUTTON } from './ui';

/** Delete, after a confirmation that says what goes with it. */
export function DeleteWebhook({ webhook, onDeleted }: { webhook: Webhook; onDeleted: () => void }) {
  const queryClient = useQueryClient();
  const remove = useMutation(webhookMutations.remove(queryClient));
  const noticeRaised = useNoticeStore((state) => state.noticeRaised);
  const [open, setOpen] = useState(false);
  const name = webhook.name ?? webhook.url;

  const confirm = () =>
    remove.mutate(webhook.id, {
      onSuccess: () => {
        setOpen(false);
        noticeRaised({ id: `webhook-deleted-${webhook.id}`, tone: 'info', text: `Webhook “${name}” deleted.` });
        onDeleted();
      },
    });

  return (
    <>
      <button
        type="button"
        onClick={() => {
          remove.reset();
          setOpen(true);
        }}
        className={DANGER_BUTTON}
      >
        Delete
      </button>
      <ConfirmDialog
        open={open}
        onOpenChange={setOpen}
        title={`Delete “${name}”?`}
        description="No more events are sent to it, and its delivery log is erased. This cannot be undone."
        confirmLabel="Delete webhook"
        pending={remove.isPending}
        onConfirm={confirm}
        error={remove.error && <ThrownErrorGuidance error={remove.error} />}
      />
    </>
  );
}
