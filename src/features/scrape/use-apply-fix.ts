import { useQueryClient } from '@tanstack/react-query';
import { flushSync } from 'react-dom';
import type { UseFormReturn } from 'react-hook-form';
import type { ScrapeRequest } from '../../../contract/scrape';
import { urlHost } from '../../../contract/session-domain';
import { sessionQueries } from '../../api/sessions';
import type { FixAction } from '../../errors/catalog';
import { applyFix, toRequest, type ScrapeFormValues } from './form-values';
import { isEmptyCookieRow } from './cookie-rows';
import { activeSessionFor } from './session-match';

/**
 * What a fix of the guidance does to the form. A change to the request, or a stored session found for the URL's
 * domain, is applied and run again at once. What only the user can give waits for them: cookies get a row to type
 * them in, focused, and a domain without an active session gets the picker, which then says how to make one.
 */
export function useApplyFix(form: UseFormReturn<ScrapeFormValues>, start: (request: ScrapeRequest) => void) {
  const queryClient = useQueryClient();

  const rerun = (next: ScrapeFormValues) => {
    form.reset(next, { keepDefaultValues: true });
    start(toRequest(next));
  };

  const chooseSession = async () => {
    const values = form.getValues();
    // The picker has usually loaded the list; if it could not, it shows why, and the fix goes no further.
    const list = await queryClient.ensureQueryData(sessionQueries.list()).catch(() => null);
    // The session already chosen is what just failed: sending it again would change nothing.
    const others = (list?.sessions ?? []).filter((session) => session.id !== values.session_id);
    const session = activeSessionFor(others, urlHost(values.url));
    if (!session) return form.setFocus('session_id');
    // The API refuses a stored session beside inline cookies (SESSION_COOKIES_CONFLICT): the session replaces them.
    rerun({ ...values, session_id: session.id, cookies: [] });
  };

  const addCookieRow = () => {
    const rows = form.getValues('cookies');
    let index = rows.findIndex(isEmptyCookieRow);
    if (index < 0) {
      index = rows.length;
      // The new row must be on the page before its name field can take focus.
      flushSync(() => form.setValue('cookies', [...rows, { name: '', value: '' }]));
    }
    form.setFocus(`cookies.${index}.name`);
  };

  return (fix: FixAction) => {
    if (fix.kind === 'choose-session') return void chooseSession();
    if (fix.kind === 'add-cookies') return addCookieRow();
    rerun(applyFix(form.getValues(), fix));
  };
}
