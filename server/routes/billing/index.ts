import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { billingBalanceSchema, billingUsageSchema, TOP_DOMAINS_LIMIT } from '../../../contract/billing';
import { creditsToCents, creditsToMicrocents, formatCreditsAsDollars } from '../../../contract/money';
import { auditLogPageSchema, auditLogQuerySchema } from '../../../contract/usage';
import { usageMarks } from '../../billing/billing-period';
import { currentAccount } from '../current-account';

/** The ledger: its audit log (newest first, by cursor or offset), the balance, and what was used when and where. */
const billingRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/billing/audit-log',
    { schema: { tags: ['billing'], querystring: auditLogQuerySchema, response: { 200: auditLogPageSchema } } },
    async (request) => {
      const { limit, cursor, offset } = request.query;
      return app.ledger.auditLog(currentAccount(request).id, {
        limit,
        offset,
        cursor: cursor === undefined ? undefined : Number(cursor),
      });
    },
  );

  app.get(
    '/billing/balance',
    { schema: { tags: ['billing'], response: { 200: billingBalanceSchema } } },
    async (request) => {
      const totals = app.usage.totals(currentAccount(request).id);
      const balance = totals?.balance ?? 0;
      return {
        balance_microcents: creditsToMicrocents(balance),
        balance_display: formatCreditsAsDollars(balance),
        total_deposited_cents: creditsToCents(totals?.deposited ?? 0),
        total_spent_cents: creditsToCents((totals?.charged ?? 0) - (totals?.refunded ?? 0)),
      };
    },
  );

  app.get(
    '/billing/usage',
    { schema: { tags: ['billing'], response: { 200: billingUsageSchema } } },
    async (request) => {
      const accountId = currentAccount(request).id;
      const marks = usageMarks(app.clock.now());
      const spent = app.usage.spentSince(accountId, marks);
      const scrapes = app.usage.scrapesSince(accountId, marks);
      const totals = app.usage.totals(accountId);
      return {
        today_credits: spent.today,
        this_week_credits: spent.week,
        this_month_credits: spent.month,
        total_credits: (totals?.charged ?? 0) - (totals?.refunded ?? 0),
        today_requests: scrapes.today,
        this_week_requests: scrapes.week,
        top_domains: app.usage.topDomains(accountId, marks.month, TOP_DOMAINS_LIMIT),
        usage_since: totals ? new Date(totals.createdAt).toISOString() : null,
      };
    },
  );
};

export default billingRoutes;
