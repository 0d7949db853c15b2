import path from 'node:path';
import {
  DEFAULT_PUBLIC_STATUS_CACHE_SIZE, HTTP_TIMEOUT_DEFAULTS, JWKS_CACHE_BOUNDS, JWKS_CACHE_DEFAULT_SECONDS, IN_FLIGHT_PER_TOKEN_DEFAULT, PERSONAL_READS_PER_MINUTE_DEFAULT, AUDITED_READS_PER_MINUTE_DEFAULT, STORED_WRITES_PER_MINUTE_DEFAULT,
  PUBLIC_IN_FLIGHT_DEFAULT, PUBLIC_RATE_DEFAULTS, SUBSCRIPTION_DEFAULTS,
} from './config-defaults';
import {
  readBoolean, readConcurrency, readCount, readDatabaseUrl, readDays, readFactsBatch, readNodeEnv, readOrigins, readPort,
  readPublicShare, readSecret, readTrustProxy, assertJwksSettings, type Env, type NodeEnv,
} from './config-readers';

export { ConfigError } from './config-readers';

/**
 * Typed, validated settings. This is the only module that reads `process.env`;
 * everything else receives a `Config`. `.env.example` lists every setting. Each setting's reader
 * is in config-readers.ts, the defaults worth explaining in config-defaults.ts.
 */
export interface Config {
  /** development | production | test; production hides stack traces and introspection. */
  nodeEnv: NodeEnv;
  /** HTTP port of the GraphQL server. */
  port: number;
  /** Interface the HTTP server binds to. */
  host: string;
  /** External PostgreSQL; when absent an embedded server is started in `dataDir`. */
  databaseUrl: string | undefined;
  /** Folder for the embedded database and other local state. */
  dataDir: string;
  /** Load the Ezhou demo data set into an empty database at start (SEED_DEMO_DATA; default on, but off when NODE_ENV=production). */
  seedDemoData: boolean;
  /** Folder holding the editable rule files. */
  rulesDir: string;
  /** Reload the rules when their folder changes. */
  watchRules: boolean;
  /** HS256 secret for bearer tokens; absent: a secret generated into dataDir. */
  jwtSecret: string | undefined;
  /** Verify bearer tokens against this JWKS instead of a secret: https://, or http:// on loopback; needs jwtIssuer and jwtAudience. */
  jwksUrl: string | undefined;
  /** Seconds a key set fetched from jwksUrl is trusted before it is fetched again (JWKS_CACHE_SECONDS, 1 to 3,600, default 60). Absent in hand-built configs: the default. */
  jwksCacheSeconds?: number;
  /** When set, tokens must carry this `iss` (JWT_ISSUER); required with jwksUrl. */
  jwtIssuer?: string | undefined;
  /** When set, tokens' `aud` must name this (JWT_AUDIENCE); required with jwksUrl. */
  jwtAudience?: string | undefined;
  /** A token whose `exp` lies further ahead than this many days is refused (JWT_MAX_TTL_DAYS, default 30). */
  jwtMaxTtlDays?: number;
  /** Key material for sealing page cursors; absent: the JWT secret (or one generated into dataDir). */
  cursorSecret?: string | undefined;
  /** Serve GraphiQL at /graphiql (and send browsers opening /graphql there); default on except in production. */
  graphiql: boolean;
  /** Serve /metrics on this port (and metricsHost) instead of the GraphQL port; absent: on the GraphQL port. */
  metricsPort: number | undefined;
  /** Interface of the separate metrics port. */
  metricsHost: string;
  /** Browser origins allowed to call the API across origins (CORS); none by default. */
  corsOrigins: string[];
  /**
   * Server processes answering HTTP (WEB_CONCURRENCY, node:cluster): default one per core in
   * production, one elsewhere (one log stream, one debugger). Absent in hand-built configs: one.
   */
  webConcurrency?: number;
  /**
   * Subjects a sweep's worker reads facts for at once, within a chunk (SWEEP_FACTS_BATCH, 1 to
   * 10,000; default FACTS_BATCH below says why). Absent in hand-built configs: the default.
   */
  sweepFactsBatch?: number;
  /** Subscriptions running at once on one WebSocket (SUBSCRIPTIONS_PER_SOCKET, default 20). Absent in hand-built configs: the default. */
  subscriptionsPerSocket?: number;
  /** Subscriptions running at once in one server process, every socket together (SUBSCRIPTIONS_PER_PROCESS, default 2,000). */
  subscriptionsPerProcess?: number;
  /** Enterprises' public statuses kept per process (PUBLIC_STATUS_CACHE_SIZE, LRU; 0 keeps none). Absent in hand-built configs: the default. */
  publicStatusCacheSize?: number;
  /** Anonymous GraphQL requests one client address may send per window (PUBLIC_RATE_LIMIT; 0: no limit). Absent in hand-built configs: the default. */
  publicRateLimit?: number;
  /** The window of publicRateLimit, in seconds (PUBLIC_RATE_WINDOW_SECONDS). */
  publicRateWindowSeconds?: number;
  /** Express's `trust proxy` (TRUST_PROXY): which proxies' X-Forwarded-For names the client; absent: none, the peer is the client. */
  trustProxy?: boolean | number | string;
  /**
   * Of subscriptionsPerProcess, how many callers without a token may hold together
   * (SUBSCRIPTIONS_PUBLIC_PER_PROCESS; default a quarter of it, and always fewer): the rest is kept
   * for signed-in roles, so the public cannot shut a display out. Absent in hand-built configs: the default.
   */
  subscriptionsPublicPerProcess?: number;
  /** WebSockets one client address may hold open without a token (PUBLIC_SOCKETS_PER_ADDRESS, default 20). */
  publicSocketsPerAddress?: number;
  /** Anonymous GraphQL requests one client address may have under way at once (PUBLIC_IN_FLIGHT_PER_ADDRESS, default 10). */
  publicInFlightPerAddress?: number;
  /** Seconds a request has to arrive whole, headers and body (HTTP_REQUEST_TIMEOUT_SECONDS, default 15); past it 408. */
  requestTimeoutSeconds?: number;
  /** Seconds a request has to send its headers (HTTP_HEADERS_TIMEOUT_SECONDS, default 10, at most the request timeout). */
  headersTimeoutSeconds?: number;
  /** Seconds an ended answer may take to reach the client before its connection is closed (HTTP_SEND_TIMEOUT_SECONDS, default 30). */
  sendTimeoutSeconds?: number;
  /** Requests one token holder may have under way at once (IN_FLIGHT_PER_TOKEN, default 64). */
  inFlightPerToken?: number;
  /** Queries reading personal data one token holder may send a minute (PERSONAL_READS_PER_MINUTE, default 60; 0: no limit). */
  personalReadsPerMinute?: number;
  /** Audited read rows (READ_EXPLANATION, READ_PERSONAL_DATA) one token holder's queries may write a minute (AUDITED_READS_PER_MINUTE, default 2,000; 0: no limit; src/graphql/audited-read-limit.ts). */
  auditedReadsPerMinute?: number;
  /** evaluate, recheck and previewRules calls one token holder may make a minute (STORED_WRITES_PER_MINUTE, default 120; 0: no limit; src/graphql/stored-write-limit.ts). */
  storedWritesPerMinute?: number;
}

/** What the server checks in tokens beyond signature, role and subject. */
export function tokenPolicyOf(config: Config): { maxLifetimeSeconds: number; issuer?: string; audience?: string } {
  return { maxLifetimeSeconds: (config.jwtMaxTtlDays ?? 30) * 86400, issuer: config.jwtIssuer, audience: config.jwtAudience };
}

/** Reads and validates the configuration; throws ConfigError naming the setting at fault. */
export function loadConfig(env: Env = process.env, cwd: string = process.cwd()): Config {
  const nodeEnv = readNodeEnv(env);
  const subscriptionsPerProcess = readCount(env, 'SUBSCRIPTIONS_PER_PROCESS', SUBSCRIPTION_DEFAULTS.perProcess, 1, 100_000, 'subscriptions per server process');
  const tokens = { jwksUrl: env.JWKS_URL?.trim() || undefined, jwtIssuer: env.JWT_ISSUER?.trim() || undefined, jwtAudience: env.JWT_AUDIENCE?.trim() || undefined };
  assertJwksSettings(tokens);
  return {
    nodeEnv,
    port: readPort(env),
    host: env.HOST || '0.0.0.0',
    databaseUrl: readDatabaseUrl(env),
    dataDir: path.resolve(cwd, env.DATA_DIR || '.data'),
    seedDemoData: readBoolean(env, 'SEED_DEMO_DATA', nodeEnv !== 'production'), // off in production unless asked for (hostile19 F5)
    rulesDir: path.resolve(cwd, env.RULES_DIR || 'rules'),
    watchRules: readBoolean(env, 'RULES_WATCH', true),
    jwtSecret: readSecret(env),
    ...tokens,
    jwksCacheSeconds: readCount(env, 'JWKS_CACHE_SECONDS', JWKS_CACHE_DEFAULT_SECONDS, JWKS_CACHE_BOUNDS.min, JWKS_CACHE_BOUNDS.max, 'seconds a fetched key set is trusted'),
    jwtMaxTtlDays: readDays(env, 'JWT_MAX_TTL_DAYS', 30),
    cursorSecret: readSecret(env, 'CURSOR_SECRET'),
    graphiql: readBoolean(env, 'GRAPHIQL', nodeEnv !== 'production'),
    metricsPort: env.METRICS_PORT ? readPort(env, 'METRICS_PORT') : undefined,
    metricsHost: env.METRICS_HOST || '127.0.0.1',
    corsOrigins: readOrigins(env),
    webConcurrency: readConcurrency(env, nodeEnv),
    sweepFactsBatch: readFactsBatch(env),
    subscriptionsPerSocket: readCount(env, 'SUBSCRIPTIONS_PER_SOCKET', SUBSCRIPTION_DEFAULTS.perSocket, 1, 1_000, 'subscriptions per WebSocket'),
    subscriptionsPerProcess,
    subscriptionsPublicPerProcess: readPublicShare(env, subscriptionsPerProcess),
    publicSocketsPerAddress: readCount(env, 'PUBLIC_SOCKETS_PER_ADDRESS', SUBSCRIPTION_DEFAULTS.publicSocketsPerAddress, 1, 1_000, 'WebSockets per client address without a token'),
    publicStatusCacheSize: readCount(env, 'PUBLIC_STATUS_CACHE_SIZE', DEFAULT_PUBLIC_STATUS_CACHE_SIZE, 0, 1_000_000, 'cached public statuses'),
    publicRateLimit: readCount(env, 'PUBLIC_RATE_LIMIT', PUBLIC_RATE_DEFAULTS.limit, 0, 1_000_000, 'anonymous requests per client address and window'),
    publicRateWindowSeconds: readCount(env, 'PUBLIC_RATE_WINDOW_SECONDS', PUBLIC_RATE_DEFAULTS.windowSeconds, 1, 86_400, 'seconds'),
    trustProxy: readTrustProxy(env),
    publicInFlightPerAddress: readCount(env, 'PUBLIC_IN_FLIGHT_PER_ADDRESS', PUBLIC_IN_FLIGHT_DEFAULT, 1, 1_000, 'anonymous requests under way per client address'),
    requestTimeoutSeconds: readCount(env, 'HTTP_REQUEST_TIMEOUT_SECONDS', HTTP_TIMEOUT_DEFAULTS.requestSeconds, 1, 300, 'seconds'),
    headersTimeoutSeconds: readCount(env, 'HTTP_HEADERS_TIMEOUT_SECONDS', HTTP_TIMEOUT_DEFAULTS.headersSeconds, 1, 300, 'seconds'),
    sendTimeoutSeconds: readCount(env, 'HTTP_SEND_TIMEOUT_SECONDS', HTTP_TIMEOUT_DEFAULTS.sendSeconds, 1, 600, 'seconds'),
    inFlightPerToken: readCount(env, 'IN_FLIGHT_PER_TOKEN', IN_FLIGHT_PER_TOKEN_DEFAULT, 1, 10_000, 'requests under way per token holder'),
    personalReadsPerMinute: readCount(env, 'PERSONAL_READS_PER_MINUTE', PERSONAL_READS_PER_MINUTE_DEFAULT, 0, 100_000, 'queries reading personal data per token holder a minute'),
    auditedReadsPerMinute: readCount(env, 'AUDITED_READS_PER_MINUTE', AUDITED_READS_PER_MINUTE_DEFAULT, 0, 10_000_000, 'audited read rows per token holder a minute'),
    storedWritesPerMinute: readCount(env, 'STORED_WRITES_PER_MINUTE', STORED_WRITES_PER_MINUTE_DEFAULT, 0, 1_000_000, 'evaluate, recheck and previewRules calls per token holder a minute'),
  };
}
