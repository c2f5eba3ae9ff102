import type { z } from 'zod';
import type { ErrorCode } from '../../contract/error-codes';
import { describePlanLimits, type Plan } from '../../contract/plans';
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

/** The contract's demo accounts, created in a new DATA_DIR. */
export const DEMO_ACCOUNTS: readonly DemoAccountSeed[] = [
  demo(DEMO_KEY.free, 'Free demo', 'free', 1_000),
  demo(DEMO_KEY.basic, 'Basic demo', 'basic', 100_000),
  { ...demo(DEMO_KEY.growth, 'Growth demo', 'growth', 100_000), isDefault: true },
  demo(DEMO_KEY.scale, 'Scale demo', 'scale', 100_000),
  demo(DEMO_KEY.highVolume, 'High volume demo', 'high_volume', 1_000_000),
  demo(DEMO_KEY.broke, 'Broke demo', 'free', 2, 'INSUFFICIENT_CREDITS'),
  { ...demo(DEMO_KEY.lapsed, 'Lapsed demo', 'basic', 100_000, 'SUBSCRIPTION_INACTIVE'), subscription: 'cancelled' },
  { ...demo(DEMO_KEY.revoked, 'Revoked demo', 'free', 0, 'INVALID_API_KEY'), revoked: true },
];

/** An account that shows a code says so; the others show their plan's limits. */
function demo(key: string, name: string, plan: Plan, balance: number, code?: ErrorCode): DemoAccountSeed {
  const shows = code ?? describePlanLimits(plan);
  return { key, name, plan, balance, subscription: 'active', revoked: false, shows, isDefault: false };
}
