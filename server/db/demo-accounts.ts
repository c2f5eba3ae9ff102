import type { Plan } from '../../contract/plans';

export interface DemoAccountSeed {
  key: string;
  name: string;
  plan: Plan;
  balance: number;
  subscription: 'active' | 'cancelled';
  revoked: boolean;
  shows: string;
  isDefault: boolean;
}

/** The contract's demo accounts, created in a new DATA_DIR. */
export const DEMO_ACCOUNTS: readonly DemoAccountSeed[] = [
  demo('sk_test_free0000000000000000000000000000', 'Free demo', 'free', 1_000, '30 requests a minute, 5 a second'),
  demo('sk_test_basic000000000000000000000000000', 'Basic demo', 'basic', 100_000, '60 requests a minute, 10 a second'),
  {
    ...demo('sk_test_growth00000000000000000000000000', 'Growth demo', 'growth', 100_000, '100 a minute, 20 a second'),
    isDefault: true,
  },
  demo('sk_test_scale000000000000000000000000000', 'Scale demo', 'scale', 100_000, '300 a minute, 30 a second'),
  demo('sk_test_highvolume0000000000000000000000', 'High volume demo', 'high_volume', 1_000_000, '500 a minute'),
  demo('sk_test_broke000000000000000000000000000', 'Broke demo', 'free', 2, 'INSUFFICIENT_CREDITS'),
  {
    ...demo('sk_test_lapsed00000000000000000000000000', 'Lapsed demo', 'basic', 100_000, 'SUBSCRIPTION_INACTIVE'),
    subscription: 'cancelled',
  },
  { ...demo('sk_test_revoked0000000000000000000000000', 'Revoked demo', 'free', 0, 'INVALID_API_KEY'), revoked: true },
];

function demo(key: string, name: string, plan: Plan, balance: number, shows: string): DemoAccountSeed {
  return { key, name, plan, balance, subscription: 'active', revoked: false, shows, isDefault: false };
}
