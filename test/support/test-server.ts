import 'reflect-metadata';
import type { Config } from '../../src/config';
import { startApp, type RunningApp } from '../../src/app';
import { createLogger } from '../../src/logger';
import { createTestDatabase } from './test-database';
import { mintToken } from '../../src/auth/tokens';
import type { Role } from '../../src/auth/role';

export const TEST_JWT_SECRET = 'chengxin-test-secret-0123456789abcdef';

export interface GraphQLResponse<T = any> {
  status: number;
  data?: T;
  errors?: { message: string; extensions?: Record<string, any>; path?: string[] }[];
}

export interface TestServer {
  app: RunningApp;
  url: string;
  /** The test database, for a command run next to the server. */
  databaseUrl: string;
  /** SQL statements the server sent since the last `resetStatements()`. */
  statements: string[];
  resetStatements(): void;
  /** POSTs a GraphQL request to the real server over HTTP, as ADMIN unless another role is given (PUBLIC: no token). */
  gql<T = any>(query: string, variables?: Record<string, unknown>, as?: { role?: string; sub?: string }): Promise<GraphQLResponse<T>>;
  /** Runs SQL straight on the test database, to look behind the API. */
  sql<R = any>(text: string, params?: unknown[]): Promise<R[]>;
  stop(): Promise<void>;
}

/** A token signed with the test secret, as `npx chengxin token` would mint it. */
export function token(role: string, sub: string, ttl = '1h'): Promise<string> {
  return mintToken(new TextEncoder().encode(TEST_JWT_SECRET), role as Role, sub, ttl);
}

/**
 * Starts the real server, as `npm start` does, on a free port over a fresh database — or, given
 * `sharing`, over that server's database (a second server process; stopping it keeps the database).
 */
export async function startTestServer(overrides: Partial<Config> = {}, sharing?: TestServer): Promise<TestServer> {
  const database = sharing ? { url: sharing.databaseUrl, drop: async () => undefined } : await createTestDatabase();
  const config: Config = {
    nodeEnv: 'test',
    port: 0,
    host: '127.0.0.1',
    databaseUrl: database.url,
    dataDir: '.data/unused',
    seedDemoData: false,
    rulesDir: 'rules',
    watchRules: false,
    jwtSecret: TEST_JWT_SECRET,
    jwksUrl: undefined,
    graphiql: true,
    metricsPort: undefined,
    metricsHost: '127.0.0.1',
    corsOrigins: [],
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
    databaseUrl: database.url,
    statements,
    resetStatements: () => statements.splice(0),
    async gql(query, variables, as = {}) {
      const role = as.role ?? 'ADMIN';
      const authorization: Record<string, string> = role === 'PUBLIC' ? {} : { authorization: `Bearer ${await token(role, as.sub ?? `test-${role.toLowerCase()}`)}` };
      const response = await fetch(app.http.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...authorization },
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
