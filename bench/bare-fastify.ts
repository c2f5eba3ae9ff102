// The baseline the sandbox is compared with: Fastify 5 and one route, nothing else. Prints one JSON line once
// listening; `GET /usage` answers a fixed object of about the size of the sandbox's.
import Fastify from 'fastify';

const app = Fastify({ logger: false });
const usage = { balance_credits: 1_000_000, credits_used: 0, requests_count: 0, subscription_tier: 'high_volume' };
app.get('/usage', async () => usage);
const url = await app.listen({ host: '127.0.0.1', port: 0 });
console.log(JSON.stringify({ url }));

process.once('SIGTERM', () => {
  void app.close().then(() => process.exit(0));
});
