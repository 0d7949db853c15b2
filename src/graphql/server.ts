import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import type { MikroORM } from '@mikro-orm/postgresql';
import express, { type NextFunction, type Request, type Response } from 'express';
import type { Logger } from 'pino';
import { pinoHttp } from 'pino-http';
import type { Viewer } from '../auth/role';
import type { Config } from '../config';
import type { RuleReloader } from '../engine/rule-reloader';
import type { RuleSetHolder } from '../engine/rule-set-holder';
import { makeFormatError } from '../errors';
import { errorsTotal, registry, requestsTotal } from '../metrics';
import { createContext, type GraphQLContext } from './context';
import { createFactsRunner } from './facts-runner';
import { complexityPlugin, depthRule } from './limits';
import { getSchema } from './schema';
import { mountWeb } from '../web/console';

export type ViewerVerifier = (authorization: string | undefined) => Promise<Viewer>;

export interface HttpServer {
  server: http.Server;
  /** The URL of the GraphQL endpoint once listening. */
  url: string;
  close(): Promise<void>;
}

const BODY_LIMIT = '1mb';

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
        ? `The request body is larger than ${BODY_LIMIT.toUpperCase()}. Send a smaller request.`
        : status < 500
          ? (error.message ?? 'Bad request.')
          : 'Internal server error.';
  res.status(status).json({ errors: [{ message, extensions: { code: status < 500 ? 'BAD_REQUEST' : 'INTERNAL_SERVER_ERROR' } }] });
}

/** Counts operations and the codes of the errors they return. */
const metricsPlugin: ApolloServerPlugin<GraphQLContext> = {
  async requestDidStart() {
    return {
      async didResolveOperation({ operation, operationName }) {
        requestsTotal.inc({ type: operation?.operation ?? 'unknown', operation: operationName ?? 'anonymous' });
      },
      async willSendResponse({ response }) {
        const errors = response.body.kind === 'single' ? (response.body.singleResult.errors ?? []) : [];
        for (const error of errors) errorsTotal.inc({ code: String(error.extensions?.code ?? 'UNKNOWN') });
      },
    };
  },
};

/**
 * The HTTP surface: GraphQL at /graphql (depth and cost limits, CSRF prevention, a body limit),
 * /healthz (alive), /readyz (database reachable, rules loaded), /metrics (Prometheus), and a
 * request id on every log line and response.
 */
export async function startHttpServer(orm: MikroORM, rules: RuleSetHolder, reloader: RuleReloader, verify: ViewerVerifier, config: Config, logger: Logger): Promise<HttpServer> {
  const app = express();
  app.disable('x-powered-by');
  const server = http.createServer(app);
  const development = config.nodeEnv === 'development';
  const schema = await getSchema();
  const facts = createFactsRunner(schema, orm.em, rules);
  const apollo = new ApolloServer<GraphQLContext>({
    schema,
    introspection: config.nodeEnv !== 'production',
    includeStacktraceInErrorResponses: development,
    formatError: makeFormatError(development, (error) => logger.error({ err: error }, 'unexpected error in a GraphQL request')),
    validationRules: [depthRule],
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer: server }),
      complexityPlugin(),
      metricsPlugin,
      // No Apollo landing page (Sandbox comes from a CDN): src/web/console.ts serves GraphiQL instead.
      ApolloServerPluginLandingPageDisabled(),
    ],
    // main.ts owns shutdown: Apollo re-raising the signal would race the database close.
    stopOnTerminationSignals: false,
  });
  await apollo.start();

  app.use(
    pinoHttp({
      logger,
      genReqId: (req, res) => {
        const id = (typeof req.headers['x-request-id'] === 'string' && req.headers['x-request-id'].slice(0, 100)) || randomUUID();
        res.setHeader('x-request-id', id);
        return id;
      },
      autoLogging: { ignore: (req) => req.url === '/healthz' || req.url === '/metrics' },
    }),
  );
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    const database = await Promise.race([
      orm.em.getConnection().execute('select 1').then(() => true, () => false),
      new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 2000)),
    ]);
    const ready = database && Boolean(rules.current);
    res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'unavailable', database: database ? 'reachable' : 'unreachable', ruleSet: rules.current.version });
  });
  app.get('/metrics', async (_req, res) => {
    res.type(registry.contentType).send(await registry.metrics());
  });
  mountWeb(app, config);
  app.use(
    '/graphql',
    express.json({ limit: BODY_LIMIT }),
    expressMiddleware(apollo, {
      context: async ({ req }) => createContext(orm.em, rules, facts, { reloader, viewer: await verify(req.headers.authorization), log: req.log }),
    }),
  );
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
