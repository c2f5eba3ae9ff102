import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useController, useWatch, type UseFormReturn } from 'react-hook-form';
import { domainCovers, urlHost } from '../../../contract/session-domain';
import type { Session } from '../../../contract/sessions';
import { sessionQueries } from '../../api/sessions';
import { Field, INPUT_CLASS } from '../../components/form-field';
import { SESSION_STATUS_LABEL } from '../../components/session-status';
import { ThrownErrorGuidance } from '../../errors/guidance-card';
import type { ScrapeFormValues } from './form-values';

const label = (session: Session) => `${session.name} · ${session.domain} · ${SESSION_STATUS_LABEL[session.status]}`;

/**
 * The stored sessions to scrape with, those that may be sent to the URL's host first. The select is controlled,
 * so an id the list does not hold (a deleted session, one from the saved draft) stays chosen and visible.
 */
export function SessionPicker({ form }: { form: UseFormReturn<ScrapeFormValues> }) {
  const { field, fieldState } = useController({ control: form.control, name: 'session_id' });
  const url = useWatch({ control: form.control, name: 'url' });
  const { data, error, isPending, refetch } = useQuery(sessionQueries.list());
  const host = urlHost(url);
  const chosen = field.value;
  // Deleted sessions cannot be used again: listed only when already chosen, so the choice is not hidden.
  const sessions = (data?.sessions ?? []).filter((session) => session.status !== 'invalid' || session.id === chosen);
  const forHost = host ? sessions.filter((session) => domainCovers(session.domain, host)) : [];
  const others = sessions.filter((session) => !forHost.includes(session));
  const known = sessions.some((session) => session.id === chosen);

  return (
    <div className="space-y-2">
      <Field
        label="Stored session"
        hint="A login saved under Sessions; those for the URL’s domain come first. Use a stored session or inline cookies, not both."
        error={fieldState.error?.message}
      >
        {(control) => (
          <select {...control} {...field} className={INPUT_CLASS}>
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
      {data && host && forHost.length === 0 && (
        <p className="text-sm text-slate-700">
          No stored session for <code className="font-mono">{host}</code>.{' '}
          <Link to="/sessions" search={{ domain: host, create: true }} className="text-blue-800 underline">
            Create one
          </Link>
        </p>
      )}
    </div>
  );
}
