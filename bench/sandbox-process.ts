// The sandbox for the bench's load and Lighthouse runs: the app as server/server.ts starts it, on free ports,
// serving the dashboard built by this run, with fresh high-volume keys. Prints one JSON line once listening.
import { buildApp } from '../server/app';
import { testConfig } from '../server/config';
import { buildDemoWeb } from '../server/demo-web/app';

const [dataDir, distDir, keyCount = '0', history] = process.argv.slice(2);
if (!dataDir || !distDir) throw new Error('usage: sandbox-process.ts <data dir> <dist dir> [key count] [demo-history]');

const demoWeb = await buildDemoWeb();
const demoWebUrl = await demoWeb.listen({ host: '127.0.0.1', port: 0 });
const app = await buildApp(testConfig({ dataDir, logLevel: 'warn' }), {
  demoWebUrl,
  distDir,
  demoHistory: history === 'demo-history',
});
const url = await app.listen({ host: '127.0.0.1', port: 0 });
const keys = Array.from({ length: Number(keyCount) }, () => app.accounts.createWithRandomKey('high_volume', 1_000_000));
console.log(JSON.stringify({ url, demoWebUrl, keys }));

process.once('SIGTERM', () => {
  void Promise.all([app.close(), demoWeb.close()]).then(() => process.exit(0));
});
