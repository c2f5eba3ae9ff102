import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useApiKey } from '../../api/credentials-store';
import { keyFingerprint, type MinuteWindow, type RateLimitSample } from '../../api/rate-limit-store';
import {
  alertRulesSchema,
  firedAlerts,
  loadAlertRules,
  NO_ALERTS,
  saveAlertRules,
  type AlertRules,
} from './alert-rules';

const notificationsSupported = () => typeof Notification !== 'undefined';

/** The form's fields as typed: a rule is on when its box is ticked. */
interface Draft {
  remainingOn: boolean;
  remainingPercent: string;
  on429: boolean;
  balanceOn: boolean;
  balanceCredits: string;
}

const draftOf = (rules: AlertRules): Draft => ({
  remainingOn: rules.remainingBelowPercent !== null,
  remainingPercent: String(rules.remainingBelowPercent ?? 20),
  on429: rules.on429,
  balanceOn: rules.balanceBelowCredits !== null,
  balanceCredits: String(rules.balanceBelowCredits ?? 100),
});

/**
 * Alerts the user sets for this key in this browser: remaining under N %, a 429, balance under N credits. They show
 * on the page as they fire, and as a browser notification once the user has allowed it (asked on a click only).
 */
export function AlertsPanel({
  window,
  samples,
  balanceCredits,
  now,
}: {
  window: MinuteWindow | null;
  samples: readonly RateLimitSample[];
  balanceCredits: number | null;
  now: number;
}) {
  const apiKey = useApiKey();
  const fingerprint = apiKey ? keyFingerprint(apiKey) : null;
  const [rules, setRules] = useState<AlertRules>(() => (fingerprint ? loadAlertRules(fingerprint) : NO_ALERTS));
  const [draft, setDraft] = useState<Draft>(() => draftOf(rules));
  const [formError, setFormError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [permission, setPermission] = useState(() => (notificationsSupported() ? Notification.permission : null));
  const errorId = useId();

  const fired = firedAlerts(rules, window, samples, balanceCredits, now);
  const firedKey = fired.map((alert) => alert.id).join('|');
  const notified = useRef(new Set<string>());
  useEffect(() => {
    if (!notificationsSupported() || Notification.permission !== 'granted') return;
    for (const alert of fired) {
      if (notified.current.has(alert.id)) continue;
      notified.current.add(alert.id);
      new Notification('Rate limit alert', { body: alert.message, tag: alert.id });
    }
    // The ids say everything that changed; the messages follow them.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [firedKey]);

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const next = alertRulesSchema.safeParse({
      remainingBelowPercent: draft.remainingOn ? Number(draft.remainingPercent) : null,
      on429: draft.on429,
      balanceBelowCredits: draft.balanceOn ? Number(draft.balanceCredits) : null,
    });
    if (!next.success || (draft.remainingOn && !draft.remainingPercent) || (draft.balanceOn && !draft.balanceCredits)) {
      setFormError('Use a share from 1 to 100 % and a whole number of credits (0 or more).');
      setSaved(false);
      return;
    }
    setFormError(null);
    setRules(next.data);
    if (fingerprint) saveAlertRules(fingerprint, next.data);
    setSaved(true);
  }

  async function askPermission() {
    setPermission(await Notification.requestPermission());
  }

  const field = 'w-20 rounded border border-slate-400 px-2 py-0.5';
  return (
    <div className="space-y-3 text-sm">
      <div role="alert" data-testid="fired-alerts">
        {fired.length > 0 && (
          <ul className="space-y-1 rounded border border-amber-400 bg-amber-50 p-2">
            {fired.map((alert) => (
              <li key={alert.id}>
                <span className="font-semibold">Alert:</span> {alert.message}
              </li>
            ))}
          </ul>
        )}
      </div>
      <form onSubmit={onSubmit} noValidate className="space-y-2">
        <fieldset className="space-y-2">
          <legend className="font-medium">Tell me when</legend>
          <div className="flex flex-wrap items-center gap-2">
            <input
              id="alert-remaining-on"
              type="checkbox"
              checked={draft.remainingOn}
              onChange={(event) => setDraft({ ...draft, remainingOn: event.target.checked })}
            />
            <label htmlFor="alert-remaining-on">Remaining is under</label>
            <input
              aria-label="Remaining under, in percent"
              type="number"
              min={1}
              max={100}
              value={draft.remainingPercent}
              onChange={(event) => setDraft({ ...draft, remainingPercent: event.target.value })}
              aria-describedby={formError ? errorId : undefined}
              className={field}
            />
            <span>% of the minute</span>
          </div>
          <div className="flex items-center gap-2">
            <input
              id="alert-429"
              type="checkbox"
              checked={draft.on429}
              onChange={(event) => setDraft({ ...draft, on429: event.target.checked })}
            />
            <label htmlFor="alert-429">A call is refused with 429</label>
          </div>
          <div className="flex flex-wrap items-center gap-2">
            <input
              id="alert-balance-on"
              type="checkbox"
              checked={draft.balanceOn}
              onChange={(event) => setDraft({ ...draft, balanceOn: event.target.checked })}
            />
            <label htmlFor="alert-balance-on">The balance is under</label>
            <input
              aria-label="Balance under, in credits"
              type="number"
              min={0}
              step={1}
              value={draft.balanceCredits}
              onChange={(event) => setDraft({ ...draft, balanceCredits: event.target.value })}
              aria-describedby={formError ? errorId : undefined}
              className={field}
            />
            <span>credits</span>
          </div>
        </fieldset>
        {formError && (
          <p id={errorId} className="text-red-700">
            {formError}
          </p>
        )}
        <div className="flex flex-wrap items-center gap-3">
          <button type="submit" className="rounded border border-slate-400 px-3 py-1 font-medium hover:bg-slate-50">
            Save alerts
          </button>
          {permission === 'default' && (
            <button
              type="button"
              onClick={() => void askPermission()}
              className="rounded border border-slate-400 px-3 py-1 hover:bg-slate-50"
            >
              Also notify me in the browser
            </button>
          )}
          <span role="status">
            {saved && 'Alerts saved for this key in this browser.'}
            {permission === 'granted' && ' Browser notifications are on.'}
            {permission === 'denied' && ' Browser notifications are blocked; alerts show on this page.'}
          </span>
        </div>
      </form>
    </div>
  );
}
