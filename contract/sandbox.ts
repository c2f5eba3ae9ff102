import { z } from 'zod';
import { planSchema } from './plan-schema';

/** The sandbox's documented test accounts (public test keys, like a payment sandbox's test cards). */
const demoAccountSchema = z.object({
  key: z.string(),
  /** What the account is for, by its plan and the failure it shows: 'Free — out of credits'. */
  name: z.string(),
  plan: planSchema.nullable(),
  balance_credits: z.number().nullable(),
  shows: z.string(),
  is_default: z.boolean(),
});

export const sandboxInfoSchema = z.object({
  sandbox: z.literal(true),
  demo_web_url: z.string(),
  demo_accounts: z.array(demoAccountSchema),
});
export type SandboxInfo = z.infer<typeof sandboxInfoSchema>;

export const createSandboxKeyRequestSchema = z.object({
  plan: planSchema.default('free'),
  balance_credits: z.number().int().nonnegative().max(100_000_000).default(1000),
});
export const createSandboxKeyResponseSchema = z.object({
  api_key: z.string(),
  plan: planSchema,
  balance_credits: z.number(),
});

export const clockAdvanceRequestSchema = z.object({
  advance_seconds: z
    .number()
    .positive()
    .max(400 * 24 * 3600),
});
export const clockResponseSchema = z.object({ now: z.iso.datetime() });

export const faultRequestSchema = z.object({
  status: z.union([z.literal(500), z.literal(502), z.literal(503), z.literal(504)]),
  count: z.number().int().min(1).max(100).default(1),
});
export const faultResponseSchema = z.object({ status: z.number(), count: z.number() });

/** POST /sandbox/reset (ours): every account, call and charge gone, the demo accounts as in a new data dir. */
export const sandboxResetResponseSchema = z.object({ reset: z.literal(true), demo_accounts: z.number().int() });
