import fp from 'fastify-plugin';

/**
 * A request without a body, or with an empty one, is read as `{}` by a route that takes a body: not a 400. The
 * MCP server sends `Content-Type: application/json` on bodiless POSTs and DELETEs (validate, refresh, delete a
 * session), which Fastify refuses as an empty JSON body; and Fastify hands a missing body to the schema as null,
 * which no default can fill. A route whose body has required fields still names them, one by one.
 */
export default fp(
  async (app) => {
    const parse = app.getDefaultJsonParser('error', 'error');
    app.removeContentTypeParser('application/json');
    app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
      if (body.length === 0) {
        done(null, undefined);
        return;
      }
      parse(request, String(body), done);
    });
    app.addHook('preValidation', async (request) => {
      if (request.body === undefined && request.routeOptions.schema?.body) request.body = {};
    });
  },
  { name: 'json-body' },
);
