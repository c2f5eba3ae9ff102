import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { Session } from '../../../contract/sessions';
import { sessionMutations } from '../../api/sessions';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { useNoticeStore } from '../../components/notice-store';
import { ThrownErrorGuidance } from '../../errors/guidance-card';

/** Delete, after a confirmation that says what it breaks. */
export function DeleteSession({ session, onDeleted }: { session: Session; onDeleted: () => void }) {
  const queryClient = useQueryClient();
  const remove = useMutation(sessionMutations.remove(queryClient));
  const noticeRaised = useNoticeStore((state) => state.noticeRaised);
  const [open, setOpen] = useState(false);

  const confirm = () =>
    remove.mutate(session.id, {
      onSuccess: () => {
        setOpen(false);
        noticeRaised({
          id: `session-deleted-${session.id}`,
          tone: 'info',
          text: `Session “${session.name}” deleted. Scrapes with its id now answer SESSION_INACTIVE (410).`,
        });
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
        className="rounded-md border border-red-800 bg-white px-3 py-1.5 text-sm font-medium text-red-800 hover:bg-red-50"
      >
        Delete
      </button>
      <ConfirmDialog
        open={open}
        onOpenChange={setOpen}
        title={`Delete “${session.name}”?`}
        description={`Its cookies are erased and scrapes that send its id fail with SESSION_INACTIVE (410). This cannot be undone.`}
        confirmLabel="Delete session"
        pending={remove.isPending}
        onConfirm={confirm}
        error={remove.error && <ThrownErrorGuidance error={remove.error} />}
      />
    </>
  );
}
