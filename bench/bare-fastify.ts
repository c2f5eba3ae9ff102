// The baseline the sandbox is compared with: Fastify 5 and one route, nothing else. Prints one JSON line once
// listening; `GET /usage` answers a fixed object (bare-usage.ts).
import Fastify from 'fastify';
import { BARE_USAGE } from './bare-usage';

const app = Fastify({ logger: false });
app.get('/usage', async () => BARE_USAGE);
const url = await app.listen({ host: '127.0.0.1', port: 0 });
console.log(JSON.stringify({ url }));

process.once('SIGTERM', () => {
  void app.close().then(() => process.exit(0));
});
