import http from 'node:http';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import type { MikroORM } from '@mikro-orm/postgresql';
import express from 'express';
import type { Logger } from 'pino';
import type { Config } from '../config';
import { makeFormatError } from '../errors';
import { createContext, type GraphQLContext } from './context';
import { getSchema } from './schema';

export interface HttpServer {
  server: http.Server;
  /** The URL of the GraphQL endpoint once listening. */
  url: string;
  close(): Promise<void>;
}

/** Builds the Express app serving GraphQL at /graphql and starts listening. */
export async function startHttpServer(orm: MikroORM, config: Config, logger: Logger): Promise<HttpServer> {
  const app = express();
  const server = http.createServer(app);
  const development = config.nodeEnv === 'development';
  const apollo = new ApolloServer<GraphQLContext>({
    schema: await getSchema(),
    introspection: config.nodeEnv !== 'production',
    includeStacktraceInErrorResponses: development,
    formatError: makeFormatError(development, (error) => logger.error({ err: error }, 'unexpected error in a GraphQL request')),
    plugins: [ApolloServerPluginDrainHttpServer({ httpServer: server })],
  });
  await apollo.start();

  app.use('/graphql', express.json({ limit: '1mb' }), expressMiddleware(apollo, { context: async () => createContext(orm.em) }));

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
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
