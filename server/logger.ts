import type { FastifyServerOptions } from 'fastify';
import type { Config } from './config';

const LOGGED_HEADERS = ['user-agent', 'x-api-key', 'authorization', 'cookie'];
const SECRET_QUERY = /([?&](?:api_key|apikey|key|token)=)[^&]*/gi;

/**
 * Request lines carry method, url and a few headers. Secrets are censored at
 * the source: key and token headers by pino's redaction, and a key someone put
 * in a query string anyway is masked in the url.
 */
export function loggerOptions(config: Config, stream?: NodeJS.WritableStream): FastifyServerOptions['logger'] {
  return {
    level: config.logLevel,
    ...(stream && { stream }),
    redact: {
      paths: ['req.headers["x-api-key"]', 'req.headers.authorization', 'req.headers.cookie'],
      censor: '[redacted]',
    },
    serializers: {
      req: (request: { method: string; url: string; headers: Record<string, unknown> }) => ({
        method: request.method,
        url: request.url.replace(SECRET_QUERY, '$1[redacted]'),
        headers: Object.fromEntries(
          LOGGED_HEADERS.filter((name) => name in request.headers).map((name) => [name, request.headers[name]]),
        ),
      }),
    },
  };
}
