import fp from 'fastify-plugin';
import { createClock } from '../clock';
import { openDatabase } from '../db/open-database';
import { createAccountsRepository } from '../repositories/accounts-repository';
import { createLedgerRepository } from '../repositories/ledger-repository';
import { createRequestLogRepository } from '../repositories/request-log-repository';
import { createFaults } from '../sandbox/faults';

/** The database, the clock and the repositories over them, as decorators. */
export default fp(
  async (app) => {
    const db = openDatabase(app.config.dataDir);
    const clock = createClock();
    app.decorate('db', db);
    app.decorate('clock', clock);
    app.decorate('accounts', createAccountsRepository(db, clock));
    app.decorate('ledger', createLedgerRepository(db, clock));
    app.decorate('requestLog', createRequestLogRepository(db));
    app.decorate('faults', createFaults());
    if (!app.config.upstreamApi) app.accounts.seedDemoAccountsIfEmpty();
    app.addHook('onClose', async () => {
      db.close();
    });
  },
  { name: 'storage' },
);
