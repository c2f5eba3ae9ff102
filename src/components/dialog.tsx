import * as RadixDialog from '@radix-ui/react-dialog';
import type { ReactNode } from 'react';
import { useReturnFocus } from './use-return-focus';

const CONTENT_CLASS =
  'fixed left-1/2 top-1/2 z-20 max-h-[90vh] w-[min(44rem,calc(100vw-2rem))] -translate-x-1/2 -translate-y-1/2 ' +
  'space-y-4 overflow-y-auto rounded-lg bg-white p-5 text-slate-900 shadow-xl focus:outline-none';

/**
 * A modal dialog (Radix: focus kept inside, Escape closes, focus goes back to what opened it). The parent owns
 * `open`, so a dialog can be opened from the URL as well as from a button.
 */
export function Dialog(props: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  description?: ReactNode;
  children: ReactNode;
}) {
  const returnFocus = useReturnFocus();
  return (
    <RadixDialog.Root open={props.open} onOpenChange={props.onOpenChange}>
      <RadixDialog.Portal>
        <RadixDialog.Overlay className="fixed inset-0 z-20 bg-black/50" />
        <RadixDialog.Content
          className={CONTENT_CLASS}
          {...returnFocus}
          // Radix asks for a description or an explicit "none", so a screen reader is not left waiting for one.
          {...(props.description ? {} : { 'aria-describedby': undefined })}
        >
          <RadixDialog.Title className="pr-20 text-lg font-semibold">{props.title}</RadixDialog.Title>
          {props.description && (
            <RadixDialog.Description className="text-sm text-slate-700">{props.description}</RadixDialog.Description>
          )}
          {props.children}
          {/* Last in the tab order, so the focus starts in the form; shown top right. */}
          <RadixDialog.Close className="absolute top-4 right-4 rounded-md border border-slate-400 bg-white px-2 py-1 text-sm font-medium hover:bg-slate-50">
            Close
          </RadixDialog.Close>
        </RadixDialog.Content>
      </RadixDialog.Portal>
    </RadixDialog.Root>
  );
}
