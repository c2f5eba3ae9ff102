import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useMemo } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import type { Session } from '../../../contract/sessions';
import { sessionMutations, sessionQueries } from '../../api/sessions';
import { BusyButton } from '../../components/busy-button';
import { CHECK_ON_SAVE } from '../../components/check-on-save';
import { Dialog } from '../../components/dialog';
import { Field, INPUT_CLASS } from '../../components/form-field';
import { ThrownErrorGuidance } from '../../errors/guidance-card';
import { useNow } from '../../lib/use-now';
import { CookiePasteField, CookiePreview, SUBMIT_BUTTON } from './cookie-paste-field';
import { readPaste, refreshResolver, showServerIssues, type RefreshBody, type RefreshFormValues } from './session-form';

interface RefreshProps {
  id: string;
  onClose: () => void;
  onSaved: (id: string) => void;
}

/** New cookies for a session (opened from its details, or from a failed scrape's SESSION_EXPIRED guidance). */
export function RefreshSessionDialog({ id, onClose, onSaved }: RefreshProps) {
  const { data: session, error } = useQuery(sessionQueries.detail(id));
  return (
    <Dialog
      open
      onOpenChange={(open) => !open && onClose()}
      title={session ? `Refresh “${session.name}”` : 'Refresh a session'}
      description="Paste fresh cookies from a browser signed in to the site. The session becomes active again and its failed checks are forgotten."
    >
      {error ? (
        <ThrownErrorGuidance error={error} />
      ) : !session ? (
        <p className="text-sm text-slate-600">Loading the session…</p>
      ) : session.status === 'invalid' ? (
        <p className="text-sm">
          “{session.name}” was deleted and cannot be refreshed.{' '}
          <Link
            to="/sessions"
            search={{ domain: session.domain, create: true, check: session.check_url }}
            className="text-blue-800 underline"
          >
            Create a new session for {session.domain}
          </Link>
        </p>
      ) : (
        <RefreshForm session={session} onSaved={onSaved} />
      )}
    </Dialog>
  );
}

function RefreshForm({ session, onSaved }: { session: Session; onSaved: (id: string) => void }) {
  const queryClient = useQueryClient();
  const refresh = useMutation(sessionMutations.refresh(queryClient));
  const resolver = useMemo(() => refreshResolver(session.domain), [session.domain]);
  const form = useForm<RefreshFormValues, unknown, RefreshBody>({
    resolver,
    ...CHECK_ON_SAVE,
    defaultValues: { paste: '', expires_at: '' },
  });
  const { errors } = form.formState;
  const [paste, expiry] = useWatch({ control: form.control, name: ['paste', 'expires_at'] });
  const now = useNow(false);

  const onSubmit = form.handleSubmit((body) =>
    refresh.mutate(
      { id: session.id, body },
      {
        onSuccess: () => onSaved(session.id),
        onError: (error) => showServerIssues(error, form.setError, { cookies: 'paste', expires_at: 'expires_at' }),
      },
    ),
  );

  return (
    <form noValidate onSubmit={onSubmit} className="space-y-3">
      <p className="text-sm">
        Domain <code className="font-mono">{session.domain}</code>; stored cookies:{' '}
        <span className="font-mono">{session.cookie_names.join(', ') || 'none'}</span>.
      </p>
      <CookiePasteField register={() => form.register('paste')} error={errors.paste?.message} />
      <CookiePreview
        parse={readPaste(paste, session.domain, now)}
        now={now}
        expiryTyped={expiry !== ''}
        emptyText="No cookies pasted: the stored ones are kept, and only the failed checks are reset."
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
      {refresh.error && <ThrownErrorGuidance error={refresh.error} />}
      <BusyButton type="submit" busy={refresh.isPending} className={SUBMIT_BUTTON}>
        {refresh.isPending ? 'Refreshing…' : 'Refresh session'}
      </BusyButton>
    </form>
  );
}
