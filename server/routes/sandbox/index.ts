import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  clockAdvanceRequestSchema,
  clockResponseSchema,
  createSandboxKeyRequestSchema,
  createSandboxKeyResponseSchema,
  faultRequestSchema,
  faultResponseSchema,
  sandboxInfoSchema,
  sandboxResetResponseSchema,
} from '../../../contract/sandbox';
import { DEMO_ACCOUNTS } from '../../db/demo-accounts';
import { currentAccount } from '../current-account';
import { resetSandboxData } from './reset';

/** The sandbox's own routes (ours): absent from the real API, where they answer 404. */
const sandboxRoutes: FastifyPluginAsyncZod<{ demoWebUrl: string }> = async (app, options) => {
  if (!app.config.sandboxRoutes) return;
  // The dashboard's first screen (is this a sandbox, which demo keys are there): no other client's traffic on
  // this address, a wrong key retried or a key-less flood, may lock it out, so it is never refused for its rate.
  app.get(
    '/sandbox/info',
    {
      config: { auth: false, rateLimited: false },
      schema: { tags: ['sandbox'], response: { 200: sandboxInfoSchema } },
    },
    async () => ({
      sandbox: true as const,
      demo_web_url: options.demoWebUrl,
      demo_accounts: DEMO_ACCOUNTS.map((demo) => ({
        key: demo.key,
        name: demo.name,
        plan: demo.revoked ? null : demo.plan,
        balance_credits: demo.revoked ? null : demo.balance,
        shows: demo.shows,
        is_default: demo.isDefault,
      })),
    }),
  );

  app.post(
    '/sandbox/keys',
    {
      config: { auth: false },
      schema: {
        tags: ['sandbox'],
        // An empty call gets the schema's own defaults.
        body: createSandboxKeyRequestSchema.prefault({}),
        response: { 201: createSandboxKeyResponseSchema },
      },
    },
    async (request, reply) => {
      const { plan, balance_credits } = request.body;
      const apiKey = app.accounts.createWithRandomKey(plan, balance_credits);
      return reply.code(201).send({ api_key: apiKey, plan, balance_credits });
    },
  );

  app.post(
    '/sandbox/faults',
    { schema: { tags: ['sandbox'], body: faultRequestSchema, response: { 200: faultResponseSchema } } },
    async (request) => {
      const { status, count } = request.body;
      app.faults.arm(currentAccount(request).id, status, count);
      return { status, count };
    },
  );

  // The settings page's "Reset the sandbox" (after a confirmation): no key needed, as a revoked one may be all
  // there is. Only a sandbox has it; the real API answers 404.
  app.post(
    '/sandbox/reset',
    { config: { auth: false }, schema: { tags: ['sandbox'], response: { 200: sandboxResetResponseSchema } } },
    async () => ({ reset: true as const, demo_accounts: resetSandboxData(app) }),
  );

  if (app.config.testClock) {
    app.post(
      '/sandbox/clock',
      {
        config: { auth: false },
        schema: { tags: ['sandbox'], body: clockAdvanceRequestSchema, response: { 200: clockResponseSchema } },
      },
      async (request) => {
        app.clock.advance(request.body.advance_seconds);
        return { now: new Date(app.clock.now()).toISOString() };
      },
    );
  }
};

export default sandboxRoutes;
