import type http from 'node:http';
import { GraphQLError, getOperationAST, parse, specifiedRules, validate, type DocumentNode, type GraphQLSchema } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import type { Viewer } from '../auth/role';
import type { GraphQLContext } from './context';
import { assertAffordable, limitRules, parseOptions } from './limits';

/**
 * Subscriptions over WebSocket (the graphql-ws protocol) on the HTTP server's own port and path.
 * The token comes in the connection_init payload ({"authorization": "Bearer …"}; none for the
 * public) and is checked as the HTTP header is; every subscription document passes the same limits
 * as a request over HTTP (tokens, depth, aliases, directives, cost) before it runs. Only
 * subscriptions are served here: queries and mutations go over HTTP, where reads are audited.
 */
export function serveSubscriptions(
  server: http.Server,
  schema: GraphQLSchema,
  verify: (authorization: string | undefined) => Promise<Viewer>,
  contextFor: (viewer: Viewer) => GraphQLContext,
): { close(): Promise<void> } {
  const sockets = new WebSocketServer({ server, path: '/graphql' });
  const viewers = new WeakMap<object, Viewer>();
  const disposable = useServer(
    {
      schema,
      onConnect: async (ctx) => {
        const authorization = ctx.connectionParams?.authorization;
        try {
          viewers.set(ctx, await verify(typeof authorization === 'string' ? authorization : undefined));
          return true;
        } catch {
          return false; // closes with 4403 Forbidden: the token is invalid or expired
        }
      },
      onSubscribe: (ctx, _id, payload) => {
        let document: DocumentNode;
        try {
          document = parse(payload.query, parseOptions);
        } catch (error) {
          return [error instanceof GraphQLError ? error : new GraphQLError(String(error), { extensions: { code: 'GRAPHQL_PARSE_FAILED' } })];
        }
        const errors = validate(schema, document, [...specifiedRules, ...limitRules]);
        // The same code Apollo gives these over HTTP.
        if (errors.length) return errors.map((e) => new GraphQLError(e.message, { nodes: e.nodes, extensions: { code: 'GRAPHQL_VALIDATION_FAILED', ...e.extensions } }));
        const operation = getOperationAST(document, payload.operationName);
        if (!operation || operation.operation !== 'subscription') {
          return [new GraphQLError('Only subscriptions are served over WebSocket; send queries and mutations over HTTP POST to /graphql.', { extensions: { code: 'BAD_USER_INPUT' } })];
        }
        const variables = payload.variables ?? {};
        try {
          assertAffordable(schema, document, payload.operationName, variables);
        } catch (error) {
          return [error as GraphQLError];
        }
        const viewer = viewers.get(ctx);
        if (!viewer) return [new GraphQLError('The connection has no verified caller.', { extensions: { code: 'UNAUTHENTICATED' } })];
        return { schema, document, operationName: payload.operationName, variableValues: variables, contextValue: contextFor(viewer) };
      },
    },
    sockets,
  );
  return {
    async close() {
      await disposable.dispose();
      await new Promise<void>((resolve) => sockets.close(() => resolve()));
    },
  };
}

