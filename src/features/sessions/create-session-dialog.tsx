import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useForm, useWatch } from 'react-hook-form';
import { sessionMutations } from '../../api/sessions';
import { BusyButton } from '../../components/busy-button';
import { CHECK_ON_SAVE } from '../../components/check-on-save';
import { Dialog } from '../../components/dialog';
import { CODE_INPUT, Field, INPUT_CLASS } from '../../components/form-field';
import { ThrownErrorGuidance } from '../../errors/guidance-card';
import { useNow } from '../../lib/use-now';
import { CookiePasteField, CookiePreview, SUBMIT_BUTTON } from './cookie-paste-field';
import { createResolver, readPaste, showServerIssues, type CreateBody, type CreateFormValues } from './session-form';

/**
 * A new session from pasted cookies. The contract's schema checks every field before anything is sent; an
 * error of the API shows its guidance here and leaves everything typed and pasted in place.
 */
export function CreateSessionDialog(props: {
  domain: string | undefined;
  onClose: () => void;
  onSaved: (id: string) => void;
}) {
  const queryClient = useQueryClient();
  const create = useMutation(sessionMutations.create(queryClient));
  const form = useForm<CreateFormValues, unknown, CreateBody>({
    resolver: createResolver,
    ...CHECK_ON_SAVE,
    defaultValues: { name: '', domain: props.domain ?? '', paste: '', expires_at: '', notes: '' },
  });
  const { errors } = form.formState;
  const [paste, domain, expiry] = useWatch({ control: form.control, name: ['paste', 'domain', 'expires_at'] });
  const now = useNow(false);
  const parse = readPaste(paste, domain, now);

  const onSubmit = form.handleSubmit((body) =>
    create.mutate(body, {
      onSuccess: (session) => props.onSaved(session.id),
      onError: (error) =>
        showServerIssues(error, form.setError, {
          name: 'name',
          domain: 'domain',
          cookies: 'paste',
          expires_at: 'expires_at',
          notes: 'notes',
        }),
    }),
  );

  return (
    <Dialog
      open
      onOpenChange={(open) => !open && props.onClose()}
      title="New session"
      description="Paste the cookies of a browser signed in to the site. Only their names are shown again: the values are stored encrypted."
    >
      <form noValidate onSubmit={onSubmit} className="space-y-3">
        <Field label="Name" error={errors.name?.message}>
          {(control) => <input {...control} autoComplete="off" className={INPUT_CLASS} {...form.register('name')} />}
        </Field>
        <Field
          label="Domain"
          hint="The site the cookies sign in to, like example.com; a URL on it works too, and is the page checked."
          error={errors.domain?.message}
        >
          {(control) => <input {...control} {...CODE_INPUT} placeholder="example.com" {...form.register('domain')} />}
        </Field>
        <CookiePasteField register={() => form.register('paste')} error={errors.paste?.message} />
        <CookiePreview
          parse={parse}
          now={now}
          expiryTyped={expiry !== ''}
          emptyText="Nothing pasted yet."
          onUseSite={
            domain.trim() === '' ? (site) => form.setValue('domain', site, { shouldValidate: true }) : undefined
          }
        />
        <Field
          label="Expires (optional)"
          hint="Empty: the earliest expiry of the pasted cookies, when they say."
          error={errors.expires_at?.message}
        >
          {(control) => (
            <input {...control} type="datetime-local" className={INPUT_CLASS} {...form.register('expires_at')} />
          )}
        </Field>
        <Field label="Notes (optional)" error={errors.notes?.message}>
          {(control) => <textarea {...control} rows={2} className={INPUT_CLASS} {...form.register('notes')} />}
        </Field>
        {create.error && <ThrownErrorGuidance error={create.error} />}
        <BusyButton type="submit" busy={create.isPending} className={SUBMIT_BUTTON}>
          {create.isPending ? 'Saving…' : 'Save session'}
        </BusyButton>
      </form>
    </Dialog>
  );
}
