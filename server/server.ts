import type { FastifyInstance } from 'fastify';
import { buildApp } from './app';
import { loadConfig } from './config';
import { DEMO_ACCOUNTS } from './db/demo-accounts';
import { buildDemoWeb } from './demo-web/app';

/** Start-up, the banner, and a clean stop on Ctrl-C: nothing else lives here. */
export async function startServer(options: { demoHistory: boolean }): Promise<{ close: () => Promise<void> }> {
  const config = loadConfig();
  const demoWeb = await buildDemoWeb();
  const demoWebUrl = await demoWeb.listen({ host: '127.0.0.1', port: config.demoWebPort });
  const app = await buildApp(config, { demoWebUrl, demoHistory: options.demoHistory });
  const url = await app.listen({ host: config.host, port: config.port });
  printBanner(url, demoWebUrl, config.upstreamApi);
  if (!config.upstreamApi && !app.scraper.browser.available) {
    console.log(`  Note: tiers 3–4 (headless browser) are off. ${app.scraper.browser.unavailableReason}\n`);
  }

  let closing: Promise<void> | null = null;
  const close = () => (closing ??= closeAll([app, demoWeb]));
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      console.log(`\n${signal}: stopping the sandbox…`);
      void close().then(() => process.exit(0));
    });
  }
  return { close };
}

async function closeAll(apps: FastifyInstance[]) {
  await Promise.all(apps.map((app) => app.close()));
}

function printBanner(url: string, demoWebUrl: string, upstream: string | undefined) {
  const lines = [
    '',
    `  Scrape Dashboard   ${url}/`,
    `  API                ${url}/api/v1  ${upstream ? `(proxied to ${upstream})` : '(sandbox)'}`,
    `  Demo web           ${demoWebUrl}/`,
    '',
  ];
  if (!upstream) {
    lines.push('  Demo keys (paste one into the dashboard, or pick it from the list there):');
    // A revoked key has no plan to speak of, as GET /sandbox/info says (null).
    for (const demo of DEMO_ACCOUNTS) {
      lines.push(`    ${demo.key}  ${(demo.revoked ? '—' : demo.plan).padEnd(11)} ${demo.shows}`);
    }
    lines.push('');
  }
  lines.push('  Ctrl-C stops it.', '');
  console.log(lines.join('\n'));
}
