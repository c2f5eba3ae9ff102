import * as AlertDialog from '@radix-ui/react-alert-dialog';
import type { ReactNode } from 'react';
import { BusyButton } from './busy-button';
import { useReturnFocus } from './use-return-focus';

/**
 * Asks before something that cannot be undone (Radix alert dialog: focus starts on Cancel, Escape cancels). The
 * confirm button does not close the dialog by itself: it stays open while the call runs, and shows its error.
 * Cancel and Escape still close it then, but cannot take back a call already sent: it runs on.
 */
export function ConfirmDialog(props: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  description: ReactNode;
  confirmLabel: string;
  pending: boolean;
  onConfirm: () => void;
  /** What went wrong, shown inside the dialog (the catalog's guidance). */
  error?: ReactNode;
}) {
  const returnFocus = useReturnFocus();
  return (
    <AlertDialog.Root open={props.open} onOpenChange={props.onOpenChange}>
      <AlertDialog.Portal>
        <AlertDialog.Overlay className="fixed inset-0 z-20 bg-black/50" />
        <AlertDialog.Content
          {...returnFocus}
          className="fixed left-1/2 top-1/2 z-20 max-h-[90vh] w-[min(32rem,calc(100vw-2rem))] -translate-x-1/2 -translate-y-1/2 space-y-4 overflow-y-auto rounded-lg bg-white p-5 text-slate-900 shadow-xl"
        >
          <AlertDialog.Title className="text-lg font-semibold">{props.title}</AlertDialog.Title>
          <AlertDialog.Description className="text-sm text-slate-700">{props.description}</AlertDialog.Description>
          {props.error}
          <div className="flex justify-end gap-2">
            <AlertDialog.Cancel className="rounded-md border border-slate-400 bg-white px-3 py-1.5 text-sm font-medium hover:bg-slate-50">
              Cancel
            </AlertDialog.Cancel>
            <BusyButton
              busy={props.pending}
              onClick={props.onConfirm}
              className="rounded-md bg-red-800 px-3 py-1.5 text-sm font-semibold text-white hover:bg-red-900"
            >
              {props.pending ? 'Working…' : props.confirmLabel}
            </BusyButton>
          </div>
        </AlertDialog.Content>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  );
}
