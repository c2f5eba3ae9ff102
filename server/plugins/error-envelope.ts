import type { FastifyError, FastifyReply, FastifyRequest, FastifySchemaValidationError } from 'fastify';
import fp from 'fastify-plugin';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import type { ValidationIssue } from '../../contract/envelope';
import { ApiFailure, envelopeOf, fail, internalError } from '../errors';
import { ECHO_LIMITS } from '../lib/bounded-echo';

/**
 * The one error handler: every failure leaves as the seed's envelope. Unknown
 * errors become 500 INTERNAL_ERROR with a generic message, so no stack trace or
 * internal text ever reaches a client; the details go to the log instead.
 */
export default fp(
  async (app) => {
    app.setErrorHandler((error: FastifyError, request, reply) => {
      if (error instanceof ApiFailure) return sendFailure(request, reply, error);

      if (hasZodFastifySchemaValidationErrors(error)) return sendFailure(request, reply, validationFailure(error));

      const status = error.statusCode ?? 500;
      if (status >= 400 && status < 500) {
        return sendFailure(request, reply, frameworkFailure(error, status, request.routeOptions.bodyLimit));
      }

      request.log.error({ err: error }, 'unhandled error');
      return sendFailure(request, reply, internalError());
    });
  },
  { name: 'error-envelope' },
);

/** A failed field check: the first issue in the message, the first ECHO_LIMITS.items issues in details. */
function validationFailure(error: { validation: readonly FastifySchemaValidationError[] }) {
  const shown = error.validation.slice(0, ECHO_LIMITS.items);
  const issues: ValidationIssue[] = shown.map((issue) => ({
    field: fieldOf(issue.instancePath, issue.params),
    message: issue.message ?? 'is invalid',
  }));
  const first = issues[0];
  const omitted = error.validation.length - shown.length;
  return fail('INVALID_REQUEST', first ? `${first.field}: ${first.message}` : 'Invalid request', {
    details: { field: first?.field, issues, ...(omitted > 0 && { omitted_issues: omitted }) },
  });
}

/** Fastify's own 4xx before the handler: malformed JSON, a body over the limit, a content type it cannot read. */
function frameworkFailure(error: FastifyError, status: number, bodyLimit: number) {
  if (status === 413) {
    // The rest of an oversized body is never read, so the connection cannot carry another request.
    return fail('PAYLOAD_TOO_LARGE', `The request body is larger than the limit of ${bodyLimit} bytes`, {
      details: { field: 'body', limit_bytes: bodyLimit },
      headers: { connection: 'close' },
    });
  }
  if (status === 415) {
    return fail('UNSUPPORTED_MEDIA_TYPE', 'Send the request body as JSON (Content-Type: application/json)', {
      details: { field: 'content-type' },
    });
  }
  const message =
    error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || error instanceof SyntaxError
      ? 'The request body is not valid JSON'
      : error.message;
  return fail('INVALID_REQUEST', message, { details: { field: 'body' } });
}

/**
 * The dashboard's page for a code, on the host the call came to: the sandbox serves the dashboard beside the API, so
 * whoever reached one reaches the other there.
 */
export const docUrlOf = (request: FastifyRequest, code: string) =>
  `${request.protocol}://${request.host}/errors/${encodeURIComponent(code)}`;

function sendFailure(request: FastifyRequest, reply: FastifyReply, failure: ApiFailure) {
  request.errorCode = failure.code;
  const body = { ...envelopeOf(failure, request.id), doc_url: docUrlOf(request, failure.code) };
  request.errorMessage = body.message;
  if (failure.extra.headers) reply.headers(failure.extra.headers);
  return reply.code(failure.status).type('application/json').serializer(JSON.stringify).send(body);
}

function fieldOf(instancePath: string, params: unknown): string {
  const path = instancePath.replace(/^\//, '').replaceAll('/', '.');
  // An unknown key is reported on its parent with the key's name in params.keys.
  const key = (params as { keys?: string[] } | undefined)?.keys?.[0];
  return [path, key].filter(Boolean).join('.') || 'body';
}
