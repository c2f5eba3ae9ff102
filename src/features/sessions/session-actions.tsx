import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import type { Session } from '../../../contract/sessions';
import { sessionMutations } from '../../api/sessions';
import { ThrownErrorGuidance } from '../../errors/guidance-card';
import { DeleteSession } from './delete-session';
import { EditSessionDialog } from './edit-session-dialog';
import { ValidationResult } from './validation-result';
import { BusyButton } from '../../components/busy-button';

const ACTION_BUTTON =
  'rounded-md border border-slate-400 bg-white px-3 py-1.5 text-sm font-medium hover:bg-slate-50 disabled:opacity-60';

/** Validate, refresh, edit and delete one session; a deleted one can only be replaced. */
export function SessionActions({ session, onDeleted }: { session: Session; onDeleted: () => void }) {
  const queryClient = useQueryClient();
  const validate = useMutation(sessionMutations.validate(queryClient));
  const [editing, setEditing] = useState(false);

  if (session.status === 'invalid') {
    return (
      <p className="rounded-md bg-slate-100 p-3">
        This session was deleted: scrapes with its id answer SESSION_INACTIVE (410).{' '}
        <Link
          from="/sessions"
          to="/sessions"
          search={(prev) => ({ ...prev, domain: session.domain, create: true, check: session.check_url })}
          className="text-blue-800 underline"
        >
          Create a new session for {session.domain}
        </Link>
      </p>
    );
  }
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap gap-2">
        <BusyButton className={ACTION_BUTTON} busy={validate.isPending} onClick={() => validate.mutate(session.id)}>
          {validate.isPending ? 'Validating…' : 'Validate now'}
        </BusyButton>
        <Link
          from="/sessions"
          to="/sessions"
          search={(prev) => ({ ...prev, refresh: session.id })}
          className={ACTION_BUTTON}
        >
          Refresh cookies
        </Link>
        <button type="button" className={ACTION_BUTTON} onClick={() => setEditing(true)}>
          Edit
        </button>
        <DeleteSession session={session} onDeleted={onDeleted} />
      </div>
      <div aria-live="polite">
        {validate.isPending && <p>Fetching {session.check_url} with the session’s cookies…</p>}
        {validate.data && <ValidationResult validation={validate.data} />}
      </div>
      {validate.error && <ThrownErrorGuidance error={validate.error} onRetry={() => validate.mutate(session.id)} />}
      {editing && <EditSessionDialog session={session} onClose={() => setEditing(false)} />}
    </div>
  );
}
