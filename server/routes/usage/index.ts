import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { creditsToDollars, creditsToMicrocents } from '../../../contract/money';
import { PLAN_LIMITS } from '../../../contract/plans';
import { dailyUsageListSchema, dailyUsageQuerySchema, usageSchema } from '../../../contract/usage';
import { currentAccount } from '../current-account';
import { monthOf } from '../../billing/billing-period';

const usageRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/usage', { schema: { tags: ['usage'], response: { 200: usageSchema } } }, async (request) => {
    const account = currentAccount(request);
    const period = monthOf(app.clock.now());
    const { balance, creditsUsed, creditsRefunded, requests } = app.usage.periodSince(account.id, period.start);
    const limits = PLAN_LIMITS[account.plan];
    const usedNet = creditsUsed - creditsRefunded;
    const periodStart = new Date(period.start).toISOString();
    const periodEnd = new Date(period.end).toISOString();
    return {
      plan: account.plan,
      rate_limit: { per_minute: limits.perMinute, burst_per_second: limits.burstPerSecond },
      balance_credits: balance,
      credits_used_month: creditsUsed,
      credits_refunded_month: creditsRefunded,
      requests_month: requests,
      period_start: periodStart,
      period_end: periodEnd,
      subscription_status: account.subscriptionStatus,
      credits_available: creditsToMicrocents(balance),
      credits_used: creditsToMicrocents(usedNet),
      credits_limit: creditsToMicrocents(balance + usedNet),
      balance_dollars: creditsToDollars(balance),
      requests_count: requests,
      subscription_tier: account.plan,
      billing_period_start: periodStart,
      billing_period_end: periodEnd,
    };
  });

  app.get(
    '/usage/daily',
    { schema: { tags: ['usage'], querystring: dailyUsageQuerySchema, response: { 200: dailyUsageListSchema } } },
    async (request) => {
      const today = new Date(app.clock.now());
      const since = Date.UTC(
        today.getUTCFullYear(),
        today.getUTCMonth(),
        today.getUTCDate() - (request.query.days - 1),
      );
      return app.usage.dailySince(currentAccount(request).id, since);
    },
  );
};

export default usageRoutes;
