import { mutationResponseGuardPlugin } from './mutation-response-guard';
import { assessmentLimitPlugin } from './assessment-limit';
import http from 'node:http';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import type { MikroORM } from '@mikro-orm/postgresql';
import cors from 'cors';
import express, { type NextFunction, type Request, type Response } from 'express';
import { GraphQLError, Kind, type OperationDefinitionNode } from 'graphql';
import type { Logger } from 'pino';
import type { Config } from '../config';
import { AUDITED_READS_PER_MINUTE_DEFAULT, DEFAULT_PUBLIC_STATUS_CACHE_SIZE, PERSONAL_READS_PER_MINUTE_DEFAULT, STORED_WRITES_PER_MINUTE_DEFAULT, SUBSCRIPTION_DEFAULTS, publicShareOf } from '../config-defaults';
import { auditedReadLimit } from './audited-read-limit';
import { clientAddressOf, type TrustProxy } from '../web/client-address';
import type { RuleReloader } from '../engine/rule-reloader';
import type { RuleSetHolder } from '../engine/rule-set-holder';
import { logSafely, makeFormatError } from '../errors';
import { errorsTotal, registry, requestsTotal } from '../metrics';
import { ChangeFeed } from './change-feed';
import type { GraphQLContext } from './context';
import { SweepLauncher } from '../sweep/launcher';
import { createFactsRunner } from './facts-runner';
import { PublicStatusCache } from './public-status-cache';
import { personalReadLimit } from './personal-read-limit';
import { storedWriteLimitPlugin } from './stored-write-limit';
import { readAuditPlugin } from './read-audit-plugin';
import { httpErrorHandler, httpLimits, serverTimeouts } from './http-limits';
import { inputValuesPlugin } from './input-values';
import { refusePersistedQueries } from './persisted-queries';
import { complexityPlugin } from './cost-limit';
import { limitRules } from './limit-rules';
import { parseOptions } from './limits';
import { httpContext, socketContext, type ServerParts, type ViewerVerifier } from './request-context';
import { noStorePlugin } from './no-store';
import { operationLogPlugin, requestLogger } from './request-log';
import { getFactsSchema, getSchema } from './schema';
import { serveSubscriptions } from './websocket';
import { mountWeb } from '../web/console';
import { fromLoopbackDirectly } from '../web/local-caller';
import { readiness } from '../web/readiness';

export interface HttpServer {
  server: http.Server;
  /** The URL of the GraphQL endpoint once listening. */
  url: string;
  /** Where /metrics is served: the GraphQL port, or METRICS_PORT. */
  metricsUrl: string;
  /** Subscriptions this process listens for now (SUBSCRIPTIONS_PER_PROCESS bounds it). */
  subscriptionsListening(): number;
  close(): Promise<void>;
}


/**
 * The operation a request called, as a metrics label: the root field (`agencies`, `evaluate`) when
 * it called exactly one, else `other`. Root fields are the schema's, so the label set is bounded
 * whatever operation names clients send.
 */
function operationLabel(operation: OperationDefinitionNode | undefined): string {
  const fields = new Set((operation?.selectionSet.selections ?? []).map((selection) => (selection.kind === Kind.FIELD ? selection.name.value : '…')));
  const [only] = [...fields];
  return fields.size === 1 && only !== '…' ? only : 'other';
}

/** Counts operations and the codes of the errors they return. */
const metricsPlugin: ApolloServerPlugin<GraphQLContext> = {
  async requestDidStart() {
    return {
      async didResolveOperation({ operation }) {
        requestsTotal.inc({ type: operation?.operation ?? 'unknown', operation: operationLabel(operation) });
      },
      async willSendResponse({ response }) {
        const errors = response.body.kind === 'single' ? (response.body.singleResult.errors ?? []) : [];
        for (const error of errors) errorsTotal.inc({ code: String(error.extensions?.code ?? 'UNKNOWN').slice(0, 40) });
      },
    };
  },
};

/** A subscription sent over HTTP is refused with a code, not run once as a query. */
const subscriptionsOverWebSocketPlugin: ApolloServerPlugin<GraphQLContext> = {
  async requestDidStart() {
    return {
      async didResolveOperation({ operation }) {
        if (operation?.operation === 'subscription') {
          throw new GraphQLError('Subscriptions are served over WebSocket (the graphql-ws protocol) at the same path, e.g. ws://localhost:4000/graphql; send queries and mutations over HTTP.', {
            extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } },
          });
        }
      },
    };
  },
};

/**
 * CORS for the allowed origins only: their preflight is answered here (204 with the
 * Access-Control-Allow-* headers) and their requests get Access-Control-Allow-Origin; a request
 * from any other origin passes on untouched, so Apollo's CSRF prevention refuses its preflight.
 */
function corsFor(origins: string[]) {
  const allowed = new Set(origins);
  const handle = cors({ origin: origins, methods: ['GET', 'POST'], allowedHeaders: ['content-type', 'authorization', 'x-request-id', 'apollo-require-preflight'], exposedHeaders: ['x-request-id'], maxAge: 600 });
  return (req: Request, res: Response, next: NextFunction) => (typeof req.headers.origin === 'string' && allowed.has(req.headers.origin) ? handle(req, res, next) : next());
}

/** Production answers say nothing of the schema beyond what was asked: no "Did you mean …?". */
const withoutSuggestions = (message: string): string => message.replace(/\s*Did you mean [^?]*\?/g, '');

/**
 * The HTTP surface: GraphQL at /graphql (the HTTP limits of http-limits/, the document limits of
 * limits.ts, CSRF prevention, CORS for the allowed origins),
 * /healthz (alive), /readyz (database reachable, rules loaded; details for operators only,
 * src/web/readiness.ts), /metrics (Prometheus), and a
 * request id on every log line and response.
 */
export async function startHttpServer(orm: MikroORM, rules: RuleSetHolder, reloader: RuleReloader, verify: ViewerVerifier, config: Config, logger: Logger): Promise<HttpServer> {
  const app = express();
  app.disable('x-powered-by');
  // Which proxies' X-Forwarded-For names the client (TRUST_PROXY): what the anonymous rate limit counts by.
  app.set('trust proxy', config.trustProxy ?? false);
  // How long a request may take to arrive (http-limits/timeouts.ts).
  const server = http.createServer(serverTimeouts(config), app);
  const schema = await getSchema();
  const facts = createFactsRunner(await getFactsSchema(), orm.em, rules);
  const perProcess = config.subscriptionsPerProcess ?? SUBSCRIPTION_DEFAULTS.perProcess;
  const changes = new ChangeFeed(orm, logger, perProcess, config.subscriptionsPublicPerProcess ?? publicShareOf(perProcess));
  await changes.start();
  const sweeps = new SweepLauncher(orm.config.get('clientUrl')!, (error) => logger.warn({ err: error }, 'sweep queue error'));
  const publicStatuses = new PublicStatusCache(config.publicStatusCacheSize ?? DEFAULT_PUBLIC_STATUS_CACHE_SIZE);
  const parts: ServerParts = { orm, rules, facts, reloader, sweeps, changes, verify, production: config.nodeEnv === 'production', publicStatuses };
  // Queries reading personal data, per token holder and minute (personal-read-limit.ts).
  const personalReads = personalReadLimit(config.personalReadsPerMinute ?? PERSONAL_READS_PER_MINUTE_DEFAULT);
  const formatError = makeFormatError((error) => logger.error(logSafely(error), 'unexpected error in a GraphQL request'));
  const apollo = new ApolloServer<GraphQLContext>({
    schema,
    introspection: config.nodeEnv !== 'production',
    includeStacktraceInErrorResponses: false,
    formatError:
      config.nodeEnv === 'production'
        ? (formatted, error) => {
            const result = formatError(formatted, error);
            return { ...result, message: withoutSuggestions(result.message) };
          }
        : formatError,
    parseOptions,
    validationRules: limitRules,
    // Off on purpose (src/graphql/persisted-queries.ts answers such requests first).
    persistedQueries: false,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer: server }),
      subscriptionsOverWebSocketPlugin,
      complexityPlugin(),
      assessmentLimitPlugin(),
      inputValuesPlugin,
      // Before anything runs: a mutation's response is read as a query's (mutation-response-guard.ts).
      mutationResponseGuardPlugin,
      // Before anything runs: a refused mutation stores nothing (stored-write-limit.ts).
      ...[storedWriteLimitPlugin(config.storedWritesPerMinute ?? STORED_WRITES_PER_MINUTE_DEFAULT)].filter((plugin) => plugin !== null),
      metricsPlugin,
      readAuditPlugin(personalReads, auditedReadLimit(config.auditedReadsPerMinute ?? AUDITED_READS_PER_MINUTE_DEFAULT)),
      operationLogPlugin,
      // No Apollo landing page (Sandbox comes from a CDN): src/web/console.ts serves GraphiQL instead.
      ApolloServerPluginLandingPageDisabled(),
      // Apollo's cache-control plugin wraps every field resolver to learn that nothing may be cached; no-store.ts says so at once.
      ApolloServerPluginCacheControlDisabled(),
      noStorePlugin,
    ],
    // main.ts owns shutdown: Apollo re-raising the signal would race the database close.
    stopOnTerminationSignals: false,
  });
  await apollo.start();

  app.use(requestLogger(logger));
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', readiness(orm, rules, reloader, verify));
  const metrics = await serveMetrics(app, config);
  mountWeb(app, config);
  const limits = httpLimits(config, verify, logger);
  app.use(
    '/graphql',
    // Browsers on the allowed origins (CORS_ORIGINS) get their preflight answered here, before
    // Apollo's CSRF prevention, which refuses an OPTIONS request without a JSON content type.
    corsFor(config.corsOrigins),
    // The rate, in-flight and body limits, and the answer deadline, before the body is read (http-limits/).
    ...limits.handlers,
    refusePersistedQueries,
    expressMiddleware(apollo, {
      context: httpContext(parts),
    }),
  );
  const subscriptions = serveSubscriptions(server, schema, verify, socketContext(parts), logger, {
    subscriptionsPerSocket: config.subscriptionsPerSocket ?? SUBSCRIPTION_DEFAULTS.perSocket,
    changes,
    publicSocketsPerAddress: config.publicSocketsPerAddress,
    publicRate: limits.publicRate ?? undefined,
    // As Express's req.ip: the peer, or the address trusted proxies (`trust proxy`) name.
    clientAddress: (request) => clientAddressOf(request, app.get('trust proxy fn') as TrustProxy),
  });
  app.use(httpErrorHandler);

  await new Promise<void>((resolve, reject) => {
    server.once('error', () => void metrics?.close());
    server.once('error', () => void changes.stop());
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
    metricsUrl: metrics ? metrics.url : `http://${host}:${port}/metrics`,
    subscriptionsListening: () => changes.listening,
    close: async () => {
      await subscriptions.close();
      await apollo.stop();
      await changes.stop();
      await sweeps.close();
      await metrics?.close();
    },
  };
}

/**
 * /metrics on the GraphQL port, or, with METRICS_PORT, on a port (and METRICS_HOST) of its own that
 * a firewall can keep inside the monitoring network; the GraphQL port then has no /metrics.
 */
async function serveMetrics(app: express.Express, config: Config): Promise<{ url: string; close(): Promise<void> } | null> {
  const handler = async (_req: Request, res: Response) => {
    res.type(registry.contentType).send(await registry.metrics());
  };
  if (config.metricsPort === undefined) {
    // On the public port the counts (how many PROMOTION evaluations, by whom refused) are for the
    // machine's own scraper only: loopback clients, not relayed by a proxy. Else 404, as if absent.
    app.get('/metrics', (req, res, next) => (fromLoopbackDirectly(req) ? handler(req, res) : next()));
    return null;
  }
  const metricsApp = express();
  metricsApp.disable('x-powered-by');
  metricsApp.get('/metrics', handler);
  const metricsServer = http.createServer(metricsApp);
  await new Promise<void>((resolve, reject) => {
    metricsServer.once('error', (error: NodeJS.ErrnoException) =>
      reject(error.code === 'EADDRINUSE' ? new Error(`METRICS_PORT ${config.metricsPort} on ${config.metricsHost} is already in use. Set METRICS_PORT to a free port.`) : error),
    );
    metricsServer.listen(config.metricsPort, config.metricsHost, () => resolve());
  });
  const { port } = metricsServer.address() as { port: number };
  return {
    url: `http://${config.metricsHost}:${port}/metrics`,
    close: () => new Promise<void>((resolve) => metricsServer.close(() => resolve())),
  };
}
