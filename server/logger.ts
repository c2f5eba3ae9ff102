import type { FastifyServerOptions } from 'fastify';
import type { Config } from './config';
import { maskSecrets } from './lib/mask-secrets';

const LOGGED_HEADERS = ['user-agent', 'x-api-key', 'authorization', 'cookie'];

/**
 * Request lines carry method, url and a few headers. Secrets are censored at
 * the source: key and token headers by pino's redaction, a secret-named query
 * parameter in the url by maskSecrets; and every line passes maskSecrets on its
 * way out, so a key misplaced anywhere (a path segment, an error, a scraped
 * URL) never reaches the log in clear.
 */
export function loggerOptions(config: Config, stream?: NodeJS.WritableStream): FastifyServerOptions['logger'] {
  return {
    level: config.logLevel,
    ...(stream && { stream }),
    redact: {
      paths: ['req.headers["x-api-key"]', 'req.headers.authorization', 'req.headers.cookie'],
      censor: '[redacted]',
    },
    hooks: { streamWrite: maskSecrets },
    serializers: {
      req: (request: { method: string; url: string; headers: Record<string, unknown> }) => ({
        method: request.method,
        url: maskSecrets(request.url),
        headers: Object.fromEntries(
          LOGGED_HEADERS.filter((name) => name in request.headers).map((name) => [name, request.headers[name]]),
        ),
      }),
    },
  };
}
