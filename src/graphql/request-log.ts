import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { ApolloServerPlugin } from '@apollo/server';
import type { Logger } from 'pino';
import { pinoHttp } from 'pino-http';
import type { Viewer } from '../auth/role';
import { requestForLog } from '../logger';
import type { GraphQLContext } from './context';

/** An X-Request-Id the server takes over from a caller: at most 64 of [A-Za-z0-9._-]. */
export const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

/**
 * Who made a request and what it asked, for the request's log line (pino-http's customProps, read
 * when the response is done): the token's `sub` and role, the operation's type and name and its
 * root fields — so that a bulk read in the log is attributable to a token holder. Keyed by the HTTP
 * request, and by the request's EntityManager for the plugin: Apollo hands plugins a shallow copy of
 * the context object, which holds the same EntityManager.
 */
interface RequestCaller {
  sub: string | null;
  role: string;
  operation?: string;
  fields?: string[];
}
const callersOfRequests = new WeakMap<object, RequestCaller>();
const callersOfContexts = new WeakMap<object, RequestCaller>(); // by GraphQLContext.em

/** Notes who made a request, once its context is made, for its log line and operationLogPlugin. */
export function noteCaller(req: IncomingMessage, context: GraphQLContext, viewer: Viewer): void {
  const caller: RequestCaller = { sub: viewer.subject, role: viewer.role };
  callersOfRequests.set(req, caller);
  callersOfContexts.set(context.em, caller);
}

/** Notes the operation (type, name, root fields; names at most 100 characters, 20 fields) on the request's caller. */
export const operationLogPlugin: ApolloServerPlugin<GraphQLContext> = {
  async requestDidStart() {
    return {
      async didResolveOperation({ operation, operationName, contextValue }) {
        const caller = callersOfContexts.get(contextValue.em);
        if (!caller || !operation) return;
        caller.operation = `${operation.operation} ${(operationName ?? '(anonymous)').slice(0, 100)}`;
        caller.fields = operation.selectionSet.selections.flatMap((selection) => (selection.kind === 'Field' ? [selection.name.value] : [])).slice(0, 20);
      },
    };
  },
};

/** One log line per request (not /healthz, /metrics), with its request id, caller and operation; the id goes back as X-Request-Id. */
export function requestLogger(logger: Logger) {
  return pinoHttp({
    logger,
    genReqId: (req, res) => {
      // A caller's id is kept only when it is short and plain (it is logged and sent back); else one is made.
      const given = req.headers['x-request-id'];
      const id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
      res.setHeader('x-request-id', id);
      return id;
    },
    autoLogging: { ignore: (req) => req.url === '/healthz' || req.url === '/metrics' },
    // No query string (a GET's document and variables) in the log: src/logger.ts.
    serializers: { req: requestForLog },
    // Known once the GraphQL context is made: nothing at the start, the caller and operation at the end.
    customProps: (req) => {
      const caller = callersOfRequests.get(req);
      return caller ? { sub: caller.sub, role: caller.role, operation: caller.operation, fields: caller.fields } : {};
    },
  });
}
