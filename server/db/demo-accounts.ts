import type { z } from 'zod';
import type { ErrorCode } from '../../contract/error-codes';
import { describePlanLimits, PLAN_LIMITS, type Plan } from '../../contract/plans';
import type { subscriptionStatusSchema } from '../../contract/usage';

export interface DemoAccountSeed {
  key: string;
  name: string;
  plan: Plan;
  balance: number;
  subscription: z.infer<typeof subscriptionStatusSchema>;
  revoked: boolean;
  shows: string;
  isDefault: boolean;
}

/** The contract's public test keys, by what each account is for. */
export const DEMO_KEY = {
  free: 'sk_test_free0000000000000000000000000000',
  basic: 'sk_test_basic000000000000000000000000000',
  growth: 'sk_test_growth00000000000000000000000000',
  scale: 'sk_test_scale000000000000000000000000000',
  highVolume: 'sk_test_highvolume0000000000000000000000',
  broke: 'sk_test_broke000000000000000000000000000',
  lapsed: 'sk_test_lapsed00000000000000000000000000',
  revoked: 'sk_test_revoked0000000000000000000000000',
} as const;

/**
 * The contract's demo accounts, created in a new DATA_DIR. Each is named by its plan and, where it has one, the
 * failure it shows, so two accounts of one plan read apart ('Free — out of credits').
 */
export const DEMO_ACCOUNTS: readonly DemoAccountSeed[] = [
  demo(DEMO_KEY.free, 'free', 1_000),
  demo(DEMO_KEY.basic, 'basic', 100_000),
  { ...demo(DEMO_KEY.growth, 'growth', 100_000), isDefault: true },
  demo(DEMO_KEY.scale, 'scale', 100_000),
  demo(DEMO_KEY.highVolume, 'high_volume', 1_000_000),
  demo(DEMO_KEY.broke, 'free', 2, { code: 'INSUFFICIENT_CREDITS', label: 'out of credits' }),
  {
    ...demo(DEMO_KEY.lapsed, 'basic', 100_000, { code: 'SUBSCRIPTION_INACTIVE', label: 'subscription cancelled' }),
    subscription: 'cancelled',
  },
  {
    ...demo(DEMO_KEY.revoked, 'free', 0, { code: 'INVALID_API_KEY', label: 'revoked key' }),
    name: 'Revoked key',
    revoked: true,
  },
];

/** An account that shows a code says so; the others show their plan's limits. */
function demo(key: string, plan: Plan, balance: number, failure?: { code: ErrorCode; label: string }): DemoAccountSeed {
  const planLabel = PLAN_LIMITS[plan].label;
  return {
    key,
    name: failure ? `${planLabel} — ${failure.label}` : planLabel,
    plan,
    balance,
    subscription: 'active',
    revoked: false,
    shows: failure?.code ?? describePlanLimits(plan),
    isDefault: false,
  };
}
