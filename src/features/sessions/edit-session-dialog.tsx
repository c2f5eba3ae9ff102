import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useForm } from 'react-hook-form';
import type { Session } from '../../../contract/sessions';
import { sessionMutations } from '../../api/sessions';
import { BusyButton } from '../../components/busy-button';
import { CHECK_ON_SAVE } from '../../components/check-on-save';
import { Dialog } from '../../components/dialog';
import { Field, INPUT_CLASS } from '../../components/form-field';
import { ThrownErrorGuidance } from '../../errors/guidance-card';
import { SUBMIT_BUTTON } from './cookie-paste-field';
import { editResolver, localOfIso, showServerIssues, type EditFormValues, type UpdateBody } from './session-form';

/** Name, expiry and notes; the cookies change through a refresh. */
export function EditSessionDialog({ session, onClose }: { session: Session; onClose: () => void }) {
  const queryClient = useQueryClient();
  const update = useMutation(sessionMutations.update(queryClient));
  const form = useForm<EditFormValues, unknown, UpdateBody>({
    resolver: editResolver,
    ...CHECK_ON_SAVE,
    defaultValues: { name: session.name, expires_at: localOfIso(session.expires_at), notes: session.notes ?? '' },
  });
  const { errors } = form.formState;

  const onSubmit = form.handleSubmit((body) =>
    update.mutate(
      { id: session.id, body },
      {
        onSuccess: onClose,
        onError: (error) =>
          showServerIssues(error, form.setError, { name: 'name', expires_at: 'expires_at', notes: 'notes' }),
      },
    ),
  );

  return (
    <Dialog open onOpenChange={(open) => !open && onClose()} title={`Edit “${session.name}”`}>
      <form noValidate onSubmit={onSubmit} className="space-y-3">
        <Field label="Name" error={errors.name?.message}>
          {(control) => <input {...control} autoComplete="off" className={INPUT_CLASS} {...form.register('name')} />}
        </Field>
        <Field label="Expires" hint="Leave empty for no expiry." error={errors.expires_at?.message}>
          {(control) => (
            <input {...control} type="datetime-local" className={INPUT_CLASS} {...form.register('expires_at')} />
          )}
        </Field>
        <Field label="Notes" error={errors.notes?.message}>
          {(control) => <textarea {...control} rows={3} className={INPUT_CLASS} {...form.register('notes')} />}
        </Field>
        {update.error && <ThrownErrorGuidance error={update.error} />}
        <BusyButton type="submit" busy={update.isPending} className={SUBMIT_BUTTON}>
          {update.isPending ? 'Saving…' : 'Save changes'}
        </BusyButton>
      </form>
    </Dialog>
  );
}
