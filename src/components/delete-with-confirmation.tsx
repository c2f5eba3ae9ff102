import type { UseMutationResult } from '@tanstack/react-query';
import { useState } from 'react';
import { forgetOutcome } from '../api/forget-outcome';
import { ThrownErrorGuidance } from '../errors/guidance-card';
import { ConfirmDialog } from './confirm-dialog';
import { useNoticeStore } from './notice-store';

interface DeleteWithConfirmationProps {
  /** The delete mutation of the item's resource, called with `id`. */
  remove: UseMutationResult<unknown, Error, string>;
  id: string;
  title: string;
  /** What goes with it: a delete is said before it is done, never after. */
  description: string;
  confirmLabel: string;
  /** The notice once it is gone. */
  deletedText: string;
  onDeleted: () => void;
}

/** A Delete button, a confirmation that says what is lost, the API's refusal in the dialog, a notice when done. */
export function DeleteWithConfirmation({
  remove,
  id,
  title,
  description,
  confirmLabel,
  deletedText,
  onDeleted,
}: DeleteWithConfirmationProps) {
  const noticeRaised = useNoticeStore((state) => state.noticeRaised);
  const [open, setOpen] = useState(false);

  const confirm = () =>
    remove.mutate(id, {
      onSuccess: () => {
        setOpen(false);
        noticeRaised({ id: `deleted-${id}`, tone: 'info', text: deletedText });
        onDeleted();
      },
    });

  return (
    <>
      <button
        type="button"
        onClick={() => {
          forgetOutcome(remove);
          setOpen(true);
        }}
        className="rounded-md border border-red-800 bg-white px-3 py-1.5 text-sm font-medium text-red-800 hover:bg-red-50"
      >
        Delete
      </button>
      <ConfirmDialog
        open={open}
        onOpenChange={setOpen}
        title={title}
        description={description}
        confirmLabel={confirmLabel}
        pending={remove.isPending}
        onConfirm={confirm}
        error={remove.error && <ThrownErrorGuidance error={remove.error} />}
      />
    </>
  );
}
