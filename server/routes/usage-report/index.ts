import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  refundListQuerySchema,
  refundListSchema,
  usageDaysSchema,
  usageDomainsSchema,
  usageReportQuerySchema,
  usageTiersSchema,
} from '../../../contract/usage-report';
import { currentAccount } from '../current-account';
import { daysOf, domainsOf, refundEntryOf, tiersOf, UNREFUNDED_CODES } from './reports';
import { zonedPeriod, type ZonedPeriod } from './zoned-days';

const tags = ['usage'];
const periodOf = (period: ZonedPeriod) => ({ from: period.from, to: period.to, time_zone: period.timeZone });

/** The `/usage` page's reports (ours): a period's days, tiers and domains, and the refund history. */
const usageReportRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/usage-report/days',
    { schema: { tags, querystring: usageReportQuerySchema, response: { 200: usageDaysSchema } } },
    async (request) => {
      const period = zonedPeriod(request.query, app.clock.now());
      const accountId = currentAccount(request).id;
      const outcomes = app.usageReport.outcomes(accountId, period.buckets);
      const codes = app.usageReport.codes(accountId, period.buckets);
      return { ...periodOf(period), days: daysOf(period, outcomes, codes) };
    },
  );

  app.get(
    '/usage-report/tiers',
    { schema: { tags, querystring: usageReportQuerySchema, response: { 200: usageTiersSchema } } },
    async (request) => {
      const period = zonedPeriod(request.query, app.clock.now());
      return { ...periodOf(period), tiers: tiersOf(app.usageReport.tiers(currentAccount(request).id, period.buckets)) };
    },
  );

  app.get(
    '/usage-report/domains',
    { schema: { tags, querystring: usageReportQuerySchema, response: { 200: usageDomainsSchema } } },
    async (request) => {
      const period = zonedPeriod(request.query, app.clock.now());
      const rows = app.usageReport.domains(currentAccount(request).id, period.buckets);
      return { ...periodOf(period), domains: domainsOf(rows) };
    },
  );

  app.get(
    '/usage-report/refunds',
    { schema: { tags, querystring: refundListQuerySchema, response: { 200: refundListSchema } } },
    async (request) => {
      const { query } = request;
      const period = zonedPeriod(query, app.clock.now());
      const [at, id] = query.cursor?.split(':').map(Number) ?? [];
      const rows = app.usageReport.refunds(currentAccount(request).id, {
        fromMs: period.startMs,
        toMs: period.endMs,
        code: query.code,
        onlyCodes: query.mismatch ? UNREFUNDED_CODES : undefined,
        cursor: at !== undefined && id !== undefined ? { at, id } : null,
        limit: query.limit + 1,
      });
      const shown = rows.slice(0, query.limit);
      const last = shown.at(-1);
      return {
        ...periodOf(period),
        refunds: shown.map(refundEntryOf),
        next_cursor: rows.length > query.limit && last ? `${last.at}:${last.id}` : null,
      };
    },
  );
};

export default usageReportRoutes;
