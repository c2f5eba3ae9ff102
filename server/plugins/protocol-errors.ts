import { maxHeaderSize, STATUS_CODES, type IncomingHttpHeaders } from 'node:http';
import type { Socket } from 'node:net';
import type { ConnectionError, FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { HEADER } from '../../contract/headers';
import { envelopeOf, fail, type ApiFailure } from '../errors';
import { newRequestId } from '../lib/secrets';
import { readRawHead } from '../lib/raw-request-head';
import { rateLimitHeaders } from './rate-limits';

/**
 * Answers to requests refused before any route runs, in the same envelope and with the same headers as every
 * other answer. They are never counted against a rate limit (they were never admitted), so their X-RateLimit-*
 * headers show, for an /api/v1 target, the bucket the call would have been counted in.
 */
function shownLimits(app: FastifyInstance, target: string, headers: IncomingHttpHeaders, ip: string | undefined) {
  // In proxy mode the limits are the upstream's, and nothing here can tell them.
  if (!/^\/api\/v1(?:[/?#]|$)/.test(target) || !app.hasDecorator('rateLimits') || !ip) return {};
  return rateLimitHeaders(app.rateLimits.peek(app.rateLimits.identify(headers), ip));
}

/** Fastify's frameworkErrors: a URL its router cannot read (/jobs/%zz, a path parameter over 100 characters). */
export function frameworkErrors(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  const failure = fail('INVALID_REQUEST', `The request could not be read: ${error.message}`, {
    details: { field: 'path' },
  });
  void reply
    .status(failure.status)
    .headers({
      [HEADER.requestId]: request.id,
      ...shownLimits(request.server, request.url, request.headers, request.ip),
    })
    .type('application/json')
    .send(JSON.stringify(envelopeOf(failure, request.id)));
}

function clientFailure(code: string | undefined): ApiFailure {
  const at = (field: string, message: string) => fail('INVALID_REQUEST', message, { details: { field } });
  switch (code) {
    case 'HPE_HEADER_OVERFLOW':
      return at('headers', `The request headers are larger than ${Math.round(maxHeaderSize / 1024)} KB`);
    case 'HPE_INVALID_METHOD':
      return at('method', 'The request method is not one HTTP knows');
    case 'HPE_INVALID_CONTENT_LENGTH':
    case 'HPE_UNEXPECTED_CONTENT_LENGTH':
      return at('content-length', 'The Content-Length header is not valid for this request');
    case 'HPE_INVALID_TRANSFER_ENCODING':
      return at('transfer-encoding', 'The Transfer-Encoding header is not valid for this request');
    case 'HPE_INVALID_HEADER_TOKEN':
      return at('headers', 'A header name or value holds characters HTTP does not allow');
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return at('body', 'The request did not arrive in time');
    default:
      return at('request', 'The request is not valid HTTP');
  }
}

/**
 * The server's 'clientError': bytes Node's HTTP parser refused. No request object exists, so the answer is
 * written to the socket by hand; the parser cannot resume after an error, so the connection closes.
 */
export function clientErrorHandler(this: FastifyInstance, error: ConnectionError, socket: Socket) {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const requestId = newRequestId();
  // Fastify's type describes rawPacket as a Buffer's JSON; Node hands the Buffer itself.
  const raw: unknown = error.rawPacket;
  const head = readRawHead(Buffer.isBuffer(raw) ? raw : undefined);
  this.log.info({ reqId: requestId, code: error.code, target: head?.target }, 'request refused by the HTTP parser');

  // As Node's own handler: never write into a response that has already started on this socket.
  const inFlight = (socket as Socket & { _httpMessage?: { headersSent?: boolean } })._httpMessage;
  if (!socket.writable || inFlight?.headersSent) {
    socket.destroy();
    return;
  }
  const failure = clientFailure(error.code);
  const body = JSON.stringify(envelopeOf(failure, requestId));
  const headers = {
    'content-type': 'application/json; charset=utf-8',
    'content-length': String(Buffer.byteLength(body)),
    [HEADER.requestId]: requestId,
    ...(head && shownLimits(this, head.target, head.headers, socket.remoteAddress)),
    connection: 'close',
  };
  const lines = Object.entries(headers).map(([name, value]) => `${name}: ${value}\r\n`);
  socket.end(`HTTP/1.1 ${failure.status} ${STATUS_CODES[failure.status]}\r\n${lines.join('')}\r\n${body}`, () =>
    socket.destroy(),
  );
}
