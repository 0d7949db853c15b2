import 'reflect-metadata';
import type { Config } from '../../src/config';
import { startApp, type RunningApp } from '../../src/app';
import type { Logger } from 'pino';
import { createLogger } from '../../src/logger';
import { createTestDatabase } from './test-database';
import { mintToken } from '../../src/auth/tokens';
import type { Role } from '../../src/auth/role';
import { print, type DocumentNode } from 'graphql';
import type { TadaDocumentNode } from 'gql.tada';

export const TEST_JWT_SECRET = 'chengxin-test-secret-0123456789abcdef';

/** One error of a GraphQL answer, as the server sends it. */
export interface GraphQLErrorBody {
  message: string;
  extensions?: Record<string, any>;
  path?: (string | number)[];
}

/** The server's answer: `data` has the document's type (null or absent when the request failed). */
export interface GraphQLResponse<T> {
  status: number;
  data?: T | null;
  errors?: GraphQLErrorBody[];
}

/** Who calls: ADMIN unless another role is given; PUBLIC sends no token. */
export interface Caller {
  role?: `${Role}`;
  sub?: string;
}

/**
 * The variables, then the caller. Variables may be left out only when the document has no required
 * one, so a test cannot forget `$id` and get a validation error instead of the answer it asserts.
 */
export type QueryArguments<Variables> = {} extends Variables ? [variables?: Variables, as?: Caller] : [variables: Variables, as?: Caller];

export interface TestServer {
  app: RunningApp;
  url: string;
  /** The test database, for a command run next to the server. */
  databaseUrl: string;
  /** SQL statements the server sent since the last `resetStatements()`. */
  statements: string[];
  resetStatements(): void;
  /**
   * POSTs a typed document (written with `graphql()` from ./graphql, checked against schema.graphql
   * by `npm run typecheck`) to the real server over HTTP; the answer has the document's type.
   */
  query<Result, Variables>(document: TadaDocumentNode<Result, Variables>, ...args: QueryArguments<Variables>): Promise<GraphQLResponse<Result>>;
  /** As `query`, for an answer that must succeed: fails the test with the errors when there are any, else returns the data. */
  ok<Result, Variables>(document: TadaDocumentNode<Result, Variables>, ...args: QueryArguments<Variables>): Promise<Result>;
  /**
   * POSTs a query given as a string, unchecked and untyped: only for what no schema-checked document
   * can be — a malformed, hostile or generated query (depth, cost, aliases, fuzz), which is the point
   * of the test that sends it — and for introspection (`__type`, `__schema`), which gql.tada leaves `unknown`.
   * A checked document may be given too, to send it with variables of the wrong shape on purpose.
   */
  rawQuery(query: string | DocumentNode, variables?: Record<string, unknown>, as?: Caller): Promise<GraphQLResponse<any>>;
  /** Runs SQL straight on the test database, to look behind the API. */
  sql<R = any>(text: string, params?: unknown[]): Promise<R[]>;
  stop(): Promise<void>;
}

/** A token signed with the test secret, as `npx chengxin token` would mint it. */
export function token(role: string, sub: string, ttl = '1h'): Promise<string> {
  return mintToken(new TextEncoder().encode(TEST_JWT_SECRET), role as Role, sub, ttl);
}

/**
 * Starts the real server, as `npm start` does, on a free port over a fresh database (a copy of the
 * run's migrated template, or with `emptyDatabase` one its start-up migrates) — or, given
 * `sharing`, over that server's database (a second server process; stopping it keeps the database)
 * or over a database the test prepared itself.
 */
export async function startTestServer(overrides: Partial<Config> = {}, sharing?: Pick<TestServer, 'databaseUrl'>, options: { logger?: Logger; emptyDatabase?: boolean } = {}): Promise<TestServer> {
  const database = sharing ? { url: sharing.databaseUrl, drop: async () => undefined } : await createTestDatabase({ empty: options.emptyDatabase });
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
    // Suites send hundreds of anonymous requests a minute from one address; test/security/public-rate-limit.test.ts sets its own.
    publicRateLimit: 0,
    // Suites read personal data many times a minute with one token; test/security/personal-reads-rate-limit.test.ts sets its own.
    personalReadsPerMinute: 0,
    // Suites evaluate hundreds of times a minute with one token; test/security/clerk-fills-verdict-table.test.ts sets its own.
    storedWritesPerMinute: 0,
    ...overrides,
  };
  const statements: string[] = [];
  let app: RunningApp;
  try {
    app = await startApp(config, options.logger ?? createLogger(config), { debug: ['query'], logger: (message: string) => statements.push(message) });
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
    query: (document, ...[variables, as]) => post(app.http.url, print(document), variables, as),
    async ok(document, ...[variables, as]) {
      const result = await post(app.http.url, print(document), variables, as);
      if (result.errors || !result.data) throw new Error(JSON.stringify(result.errors ?? result));
      return result.data;
    },
    rawQuery: (query, variables, as) => post(app.http.url, typeof query === 'string' ? query : print(query), variables, as),
    async sql(text, params) {
      return (await app.orm.em.getConnection().execute(text, params as unknown[] | undefined)) as never;
    },
    async stop() {
      await app.stop();
      await database.drop();
    },
  };
}

async function post(url: string, query: string, variables: unknown, as: Caller = {}): Promise<GraphQLResponse<any>> {
  const role = as.role ?? 'ADMIN';
  const authorization: Record<string, string> = role === 'PUBLIC' ? {} : { authorization: `Bearer ${await token(role, as.sub ?? `test-${role.toLowerCase()}`)}` };
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...authorization },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, ...((await response.json()) as object) };
}
