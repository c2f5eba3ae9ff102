import { z } from 'zod';
import type { MinuteWindow, RateLimitSample } from '../../api/rate-limit-store';

/** What the user asked to be told about; each one off when null or false. */
export const alertRulesSchema = z.object({
  remainingBelowPercent: z.number().min(1).max(100).nullable(),
  on429: z.boolean(),
  balanceBelowCredits: z.number().int().min(0).nullable(),
});
export type AlertRules = z.infer<typeof alertRulesSchema>;

export const NO_ALERTS: AlertRules = { remainingBelowPercent: null, on429: false, balanceBelowCredits: null };

/** Kept per key fingerprint (never the key), in this browser only. */
const storageKey = (fingerprint: string) => `rate-limit-alerts:${fingerprint}`;

export function loadAlertRules(fingerprint: string): AlertRules {
  try {
    const parsed = alertRulesSchema.safeParse(JSON.parse(localStorage.getItem(storageKey(fingerprint)) ?? 'null'));
    return parsed.success ? parsed.data : NO_ALERTS;
  } catch {
    return NO_ALERTS;
  }
}

export function saveAlertRules(fingerprint: string, rules: AlertRules) {
  try {
    localStorage.setItem(storageKey(fingerprint), JSON.stringify(rules));
  } catch {
    // Storage refused: the rules hold until the page closes.
  }
}

export interface FiredAlert {
  /** Stable while the same condition holds, so a notification is sent once for it. */
  id: string;
  message: string;
}

/** How recent a 429 must be to still be news. */
const REFUSAL_SECONDS = 60;
const time = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', second: '2-digit' });

/** The alerts that hold at `now` (ms), from the rules, the minute window, the samples and the balance. */
export function firedAlerts(
  rules: AlertRules,
  window: MinuteWindow | null,
  samples: readonly RateLimitSample[],
  balanceCredits: number | null,
  now: number,
): FiredAlert[] {
  const fired: FiredAlert[] = [];
  const windowOpen = window !== null && window.reset * 1000 > now;
  if (rules.remainingBelowPercent !== null && windowOpen) {
    const left = Math.max(0, window.remaining);
    if ((left / window.limit) * 100 < rules.remainingBelowPercent) {
      fired.push({
        id: `remaining:${window.reset}`,
        message: `Remaining under ${rules.remainingBelowPercent} %: ${left} / ${window.limit} left this minute.`,
      });
    }
  }
  if (rules.on429) {
    const refusal = [...samples].reverse().find((sample) => sample.status === 429);
    if (refusal && now - refusal.at < REFUSAL_SECONDS * 1000) {
      fired.push({
        id: `429:${refusal.id ?? refusal.at}`,
        message: `A call was refused with 429 (${refusal.code ?? 'rate limited'}) at ${time.format(refusal.at)}.`,
      });
    }
  }
  if (rules.balanceBelowCredits !== null && balanceCredits !== null && balanceCredits < rules.balanceBelowCredits) {
    fired.push({
      id: `balance:${rules.balanceBelowCredits}`,
      message: `Balance under ${rules.balanceBelowCredits} credits: ${balanceCredits} left.`,
    });
  }
  return fired;
}
