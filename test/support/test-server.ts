import 'reflect-metadata';
import type { Config } from '../../src/config';
import { startApp, type RunningApp } from '../../src/app';
import { createLogger } from '../../src/logger';
import { createTestDatabase } from './test-database';

export interface GraphQLResponse<T = any> {
  status: number;
  data?: T;
  errors?: { message: string; extensions?: Record<string, any>; path?: string[] }[];
}

export interface TestServer {
  app: RunningApp;
  url: string;
  /** SQL statements the server sent since the last `resetStatements()`. */
  statements: string[];
  resetStatements(): void;
  /** POSTs a GraphQL request to the real server over HTTP. */
  gql<T = any>(query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<T>>;
  /** Runs SQL straight on the test database, to look behind the API. */
  sql<R = any>(text: string, params?: unknown[]): Promise<R[]>;
  stop(): Promise<void>;
}

/** Starts the real server, as `npm start` does, on a free port over a fresh database. */
export async function startTestServer(overrides: Partial<Config> = {}): Promise<TestServer> {
  const database = await createTestDatabase();
  const config: Config = {
    nodeEnv: 'test',
    port: 0,
    host: '127.0.0.1',
    databaseUrl: database.url,
    dataDir: '.data/unused',
    seedDemoData: false,
    rulesDir: 'rules',
    watchRules: false,
    ...overrides,
  };
  const statements: string[] = [];
  let app: RunningApp;
  try {
    app = await startApp(config, createLogger(config), { debug: ['query'], logger: (message: string) => statements.push(message) });
  } catch (error) {
    await database.drop();
    throw error;
  }
  return {
    app,
    url: app.http.url,
    statements,
    resetStatements: () => statements.splice(0),
    async gql(query, variables) {
      const response = await fetch(app.http.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query, variables }),
      });
      return { status: response.status, ...((await response.json()) as object) };
    },
    async sql(text, params) {
      return (await app.orm.em.getConnection().execute(text, params as unknown[] | undefined)) as never;
    },
    async stop() {
      await app.stop();
      await database.drop();
    },
  };
}
