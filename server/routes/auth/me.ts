import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { currentUserSchema } from '../../../contract/current-user';
import { creditsToMicrocents } from '../../../contract/money';
import { tierInfoOf } from '../../../contract/plan-tiers';
import { currentAccount } from '../current-account';

/** GET /auth/me: the caller's account, by key or token, as the browser extension and the MCP server read it. */
const meRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/auth/me', { schema: { tags: ['auth'], response: { 200: currentUserSchema } } }, async (request) => {
    const account = currentAccount(request);
    // One row of account_totals, kept by the ledger's triggers: never a sum over the history.
    const totals = app.usage.totals(account.id);
    return {
      id: account.id,
      // Sandbox accounts have no person behind them, so no address, picture or onboarding; the fields are required
      // (or read) by the clients, so each gets a value that cannot pass for a real one. `.invalid` never resolves.
      email: `${account.id}@sandbox.invalid`,
      name: account.name,
      avatar_url: null,
      created_at: new Date(totals?.createdAt ?? app.clock.now()).toISOString(),
      subscription_tier: account.plan,
      credits_remaining: creditsToMicrocents(totals?.balance ?? 0),
      credits_total: creditsToMicrocents(totals?.deposited ?? 0),
      // Nothing to welcome anyone to, and no sign-up bonus to reduce: an account's credits are what it was made with.
      welcome_shown: true,
      reduced_bonus: false,
      tier_info: tierInfoOf(account.plan),
    };
  });
};

export default meRoutes;
