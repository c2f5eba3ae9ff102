import fp from 'fastify-plugin';
import { HEADER } from '../../contract/headers';
import { balanceWarningOf, formatCreditsAsDollars } from '../../contract/money';

/**
 * X-AlterLab-Balance (and the warning when it runs low) on every answer to an identified caller, errors included:
 * the MCP server reads them after each call. Written as the answer leaves, so a scrape's shows the balance after
 * its charge; the balance is one row (the ledger's running total), not a sum per call.
 */
export default fp(
  async (app) => {
    app.addHook('onSend', async (request, reply) => {
      if (!request.account) return;
      const balance = app.ledger.balance(request.account.id);
      reply.header(HEADER.balance, formatCreditsAsDollars(balance));
      const warning = balanceWarningOf(balance);
      if (warning) reply.header(HEADER.balanceWarning, warning);
    });
  },
  { name: 'balance-headers', dependencies: ['ledger-repository', 'request-context'] },
);
