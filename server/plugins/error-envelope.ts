import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import type { ValidationIssue } from '../../contract/envelope';
import { ApiFailure, envelopeOf } from '../errors';

/**
 * The one error handler: every failure leaves as the seed's envelope. Unknown
 * errors become 500 INTERNAL_ERROR with a generic message, so no stack trace or
 * internal text ever reaches a client; the details go to the log instead.
 */
export default fp(
  async (app) => {
    app.setErrorHandler((error: FastifyError, request, reply) => {
      if (error instanceof ApiFailure) return sendFailure(request, reply, error);

      if (hasZodFastifySchemaValidationErrors(error)) {
        const issues: ValidationIssue[] = error.validation.map((issue) => ({
          field: fieldOf(issue.instancePath, issue.params),
          message: issue.message ?? 'is invalid',
        }));
        const first = issues[0];
        return sendFailure(
          request,
          reply,
          new ApiFailure(400, 'INVALID_REQUEST', first ? `${first.field}: ${first.message}` : 'Invalid request', {
            details: { field: first?.field, issues },
          }),
        );
      }

      const status = error.statusCode ?? 500;
      if (status >= 400 && status < 500) {
        // Fastify's own 4xx: malformed JSON, a body over the limit, a wrong content type.
        const message =
          error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || error instanceof SyntaxError
            ? 'The request body is not valid JSON'
            : error.message;
        return sendFailure(
          request,
          reply,
          new ApiFailure(400, 'INVALID_REQUEST', message, { details: { field: 'body' } }),
        );
      }

      request.log.error({ err: error }, 'unhandled error');
      return sendFailure(
        request,
        reply,
        new ApiFailure(500, 'INTERNAL_ERROR', 'An unexpected error occurred on our side'),
      );
    });
  },
  { name: 'error-envelope' },
);

export function sendFailure(request: FastifyRequest, reply: FastifyReply, failure: ApiFailure) {
  request.errorCode = failure.code;
  const body = envelopeOf(failure, request.id);
  if (failure.extra.headers) reply.headers(failure.extra.headers);
  return reply.code(failure.status).type('application/json').serializer(JSON.stringify).send(body);
}

function fieldOf(instancePath: string, params: unknown): string {
  const path = instancePath.replace(/^\//, '').replaceAll('/', '.');
  // An unknown key is reported on its parent with the key's name in params.keys.
  const key = (params as { keys?: string[] } | undefined)?.keys?.[0];
  return [path, key].filter(Boolean).join('.') || 'body';
}
