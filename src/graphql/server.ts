import http from 'node:http';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import type { MikroORM } from '@mikro-orm/postgresql';
import express, { type NextFunction, type Request, type Response } from 'express';
import type { Logger } from 'pino';
import type { Config } from '../config';
import type { Viewer } from '../auth/role';
import type { RuleReloader } from '../engine/rule-reloader';
import type { RuleSetHolder } from '../engine/rule-set-holder';
import { makeFormatError } from '../errors';
import { createContext, type GraphQLContext } from './context';
import { getSchema } from './schema';

export type ViewerVerifier = (authorization: string | undefined) => Promise<Viewer>;

export interface HttpServer {
  server: http.Server;
  /** The URL of the GraphQL endpoint once listening. */
  url: string;
  close(): Promise<void>;
}

/**
 * Errors raised before GraphQL runs (a body that is not JSON, a body over the limit) answered in
 * GraphQL's error shape instead of Express's HTML page with a stack trace.
 */
function httpErrorHandler(error: { status?: number; type?: string; message?: string }, _req: Request, res: Response, _next: NextFunction): void {
  const status = error.status && error.status >= 400 && error.status < 500 ? error.status : 500;
  const message =
    error.type === 'entity.parse.failed'
      ? 'The request body is not valid JSON. Send {"query": "...", "variables": {...}} with content-type application/json.'
      : error.type === 'entity.too.large'
        ? 'The request body is larger than 1 MB. Send a smaller request.'
        : status < 500
          ? (error.message ?? 'Bad request.')
          : 'Internal server error.';
  res.status(status).json({ errors: [{ message, extensions: { code: status < 500 ? 'BAD_REQUEST' : 'INTERNAL_SERVER_ERROR' } }] });
}

/** Builds the Express app serving GraphQL at /graphql and starts listening. */
export async function startHttpServer(orm: MikroORM, rules: RuleSetHolder, reloader: RuleReloader, verify: ViewerVerifier, config: Config, logger: Logger): Promise<HttpServer> {
  const app = express();
  const server = http.createServer(app);
  const development = config.nodeEnv === 'development';
  const schema = await getSchema();
  const apollo = new ApolloServer<GraphQLContext>({
    schema,
    introspection: config.nodeEnv !== 'production',
    includeStacktraceInErrorResponses: development,
    formatError: makeFormatError(development, (error) => logger.error({ err: error }, 'unexpected error in a GraphQL request')),
    plugins: [ApolloServerPluginDrainHttpServer({ httpServer: server })],
    // main.ts owns shutdown: Apollo re-raising the signal would race the database close.
    stopOnTerminationSignals: false,
  });
  await apollo.start();

  app.use('/graphql', express.json({ limit: '1mb' }), expressMiddleware(apollo, { context: async ({ req }) => createContext(orm.em, rules, schema, { reloader, viewer: await verify(req.headers.authorization) }) }));
  app.use(httpErrorHandler);

  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      reject(
        error.code === 'EADDRINUSE'
          ? new Error(`Port ${config.port} on ${config.host} is already in use (another Chengxin?). Stop it, or set PORT to a free port.`)
          : error,
      );
    });
    server.listen(config.port, config.host, () => resolve());
  });
  const { port } = server.address() as { port: number };
  const host = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  return {
    server,
    url: `http://${host}:${port}/graphql`,
    close: () => apollo.stop(),
  };
}
