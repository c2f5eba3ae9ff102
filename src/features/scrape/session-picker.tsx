import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useId } from 'react';
import { useController, useWatch, type UseFormReturn } from 'react-hook-form';
import { urlHost } from '../../../contract/session-domain';
import type { Session } from '../../../contract/sessions';
import { sessionQueries } from '../../api/sessions';
import { Field, INPUT_CLASS } from '../../components/form-field';
import { SESSION_STATUS_LABEL } from '../../components/session-status';
import { ThrownErrorGuidance } from '../../errors/guidance-card';
import type { ScrapeFormValues } from './form-values';
import { activeSessionFor, sessionsForHost } from './session-match';

const label = (session: Session) => `${session.name} · ${session.domain} · ${SESSION_STATUS_LABEL[session.status]}`;

/**
 * The stored sessions to scrape with, those that may be sent to the URL's host first. The select is controlled,
 * so an id the list does not hold (a deleted session, one from the saved draft) stays chosen and visible. When no
 * active session is for the host, the select is described by how to make one: the "use a stored session" fix
 * focuses it then.
 */
export function SessionPicker({ form }: { form: UseFormReturn<ScrapeFormValues> }) {
  const { field, fieldState } = useController({ control: form.control, name: 'session_id' });
  const url = useWatch({ control: form.control, name: 'url' });
  const { data, error, isPending, refetch } = useQuery(sessionQueries.list());
  const host = urlHost(url);
  const chosen = field.value;
  // Deleted sessions cannot be used again: listed only when already chosen, so the choice is not hidden.
  const sessions = (data?.sessions ?? []).filter((session) => session.status !== 'invalid' || session.id === chosen);
  const forHost = sessionsForHost(sessions, host);
  const others = sessions.filter((session) => !forHost.includes(session));
  const known = sessions.some((session) => session.id === chosen);
  const noneActive = Boolean(data && host && !activeSessionFor(sessions, host));
  const noneId = useId();

  return (
    <div className="space-y-2">
      <Field
        label="Stored session"
        hint="A login saved under Sessions; those for the URL’s domain come first. Use a stored session or inline cookies, not both."
        error={fieldState.error?.message}
      >
        {(control) => (
          <select
            {...control}
            {...field}
            aria-describedby={
              [noneActive && noneId, control['aria-describedby']].filter(Boolean).join(' ') || undefined
            }
            className={INPUT_CLASS}
          >
            <option value="">No stored session</option>
            {chosen && !known && <option value={chosen}>{isPending ? chosen : `${chosen} (not in your list)`}</option>}
            {forHost.length > 0 && (
              <optgroup label={`For ${host}`}>
                {forHost.map((session) => (
                  <option key={session.id} value={session.id}>
                    {label(session)}
                  </option>
                ))}
              </optgroup>
            )}
            {others.length > 0 && (
              <optgroup label={forHost.length > 0 ? 'Other domains' : 'Your sessions'}>
                {others.map((session) => (
                  <option key={session.id} value={session.id}>
                    {label(session)}
                  </option>
                ))}
              </optgroup>
            )}
          </select>
        )}
      </Field>
      {error && <ThrownErrorGuidance error={error} onRetry={() => void refetch()} />}
      {noneActive && host && (
        <p id={noneId} className="text-sm text-slate-700">
          No {forHost.length > 0 && 'active '}stored session for <code className="font-mono">{host}</code>. To make one,
          log in to the site in a browser and save its cookies as a session:{' '}
          <Link to="/sessions" search={{ domain: host, create: true, check: url }} className="text-blue-800 underline">
            Create one
          </Link>
        </p>
      )}
    </div>
  );
}
