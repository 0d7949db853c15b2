import os from 'node:os';
import path from 'node:path';

/**
 * Typed, validated settings. This is the only module that reads `process.env`;
 * everything else receives a `Config`. `.env.example` lists every setting.
 */
export interface Config {
  /** development | production | test; production hides stack traces and introspection. */
  nodeEnv: 'development' | 'production' | 'test';
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
  /** Verify bearer tokens against this JWKS instead of a secret. */
  jwksUrl: string | undefined;
  /** When set, tokens must carry this `iss` (JWT_ISSUER). */
  jwtIssuer?: string | undefined;
  /** When set, tokens' `aud` must name this (JWT_AUDIENCE). */
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
}

/**
 * Subjects whose facts are read by one execution of the facts query, inside a chunk (SWEEP_FACTS_BATCH).
 * Each batch is read, decided and kept as JSON text before the next is read, so a worker holds one
 * batch's result tree and ORM entities at a time, not a whole chunk's: those lived long enough to
 * be promoted to V8's old generation, whose growth made a worker's peak memory. Measured on 10,000
 * civil servants read in one process: batches of 1,000 peaked at 476 MB with 1.35–1.71 ms of CPU a
 * subject, of 100 at 247–262 MB with 0.85–1.08 ms (more statements, far less garbage collection).
 */
export const FACTS_BATCH = 100;

/** PUBLIC_STATUS_CACHE_SIZE's default: every enterprise matter of a few thousand enterprises (a decision is a few KB). */
export const DEFAULT_PUBLIC_STATUS_CACHE_SIZE = 5_000;

/** The defaults of the anonymous rate limit (README "Limits"): 300 requests a minute per client address. */
export const PUBLIC_RATE_DEFAULTS = { limit: 300, windowSeconds: 60 } as const;

/** The defaults of the subscription limits (README "Limits"). */
export const SUBSCRIPTION_DEFAULTS = { perSocket: 20, perProcess: 2_000, publicSocketsPerAddress: 20 } as const;

/**
 * How long a request may take to arrive (README "Limits"): Node's defaults (300 s for a request, 60 s
 * for its headers) let a client hold an inflated body for five minutes (hostile13 F2). A GraphQL
 * request is a few KB; 15 s is ample on a slow link.
 */
export const HTTP_TIMEOUT_DEFAULTS = { requestSeconds: 15, headersSeconds: 10, sendSeconds: 30 } as const;

/** Requests one token holder (`sub`) may have under way at once (http-limits/anonymous-requests.ts): a display or a batch client with its own parallelism. */
export const IN_FLIGHT_PER_TOKEN_DEFAULT = 64;

/**
 * Queries reading a civil servant's personal data whole that one token holder (`sub`) may send a
 * minute (personal-read-limit.ts): one a second, above what a person paging through the console or a
 * display refreshing its screen sends, far below a script copying the register (hostile14 F3).
 */
export const PERSONAL_READS_PER_MINUTE_DEFAULT = 60;
/** Audited read rows per token holder a minute: 20 assess of 100 subjects with explanations (hostile19 F6). */
export const AUDITED_READS_PER_MINUTE_DEFAULT = 2_000;

/** Anonymous requests one client address may have under way at once (http-limits/anonymous-requests.ts): a browser opens about six connections. */
export const PUBLIC_IN_FLIGHT_DEFAULT = 10;

/** The public's share of a process's subscriptions when SUBSCRIPTIONS_PUBLIC_PER_PROCESS is unset: a quarter. */
export const publicShareOf = (perProcess: number): number => Math.floor(perProcess / 4);

export class ConfigError extends Error {
  constructor(setting: string, problem: string) {
    super(`Setting ${setting} ${problem}. See .env.example for every setting and its meaning.`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

function readPort(env: Env, name = 'PORT', fallback = '4000'): number {
  const raw = env[name] ?? fallback;
  const port = Number(raw);
  if (raw.trim() === '' || !Number.isInteger(port) || port < 0 || port > 65535) {
    throw new ConfigError(name, `is "${raw}", but must be a whole number from 0 to 65535`);
  }
  return port;
}

/** `https://portal.ezhou.gov.cn,https://hr.ezhou.gov.cn`: exact origins, scheme and host (and port). */
function readOrigins(env: Env): string[] {
  const raw = env.CORS_ORIGINS?.trim();
  if (!raw) return [];
  return raw.split(',').map((item) => {
    const origin = item.trim();
    let parsed: URL | undefined;
    try {
      parsed = new URL(origin);
    } catch {
      parsed = undefined;
    }
    if (!parsed || !/^https?:$/.test(parsed.protocol) || parsed.origin !== origin) {
      throw new ConfigError('CORS_ORIGINS', `has "${origin}", but each entry must be an origin like https://portal.example.gov.cn (scheme, host, optional port; no path, no trailing slash, no *)`);
    }
    return origin;
  });
}

function readNodeEnv(env: Env): Config['nodeEnv'] {
  const raw = env.NODE_ENV ?? 'development';
  if (raw !== 'development' && raw !== 'production' && raw !== 'test') {
    throw new ConfigError('NODE_ENV', `is "${raw}", but must be development, production or test`);
  }
  return raw;
}

function readDatabaseUrl(env: Env): string | undefined {
  const raw = env.DATABASE_URL?.trim();
  if (!raw) return undefined;
  if (!/^postgres(ql)?:\/\//.test(raw)) {
    throw new ConfigError('DATABASE_URL', 'must start with postgres:// (for example postgres://user:pass@host:5432/chengxin)');
  }
  return raw;
}

function readBoolean(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (/^(1|true|yes)$/i.test(raw)) return true;
  if (/^(0|false|no)$/i.test(raw)) return false;
  throw new ConfigError(name, `is "${raw}", but must be true or false`);
}

function readSecret(env: Env, name = 'JWT_SECRET'): string | undefined {
  const raw = env[name];
  if (!raw) return undefined;
  if (raw.length < 32) throw new ConfigError(name, 'is shorter than 32 characters; use a long random value (openssl rand -base64 48)');
  return raw;
}

function readDays(env: Env, name: string, fallback: number): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const days = Number(raw);
  if (!/^\d+(\.\d+)?$/.test(raw) || days <= 0 || days > 3650) throw new ConfigError(name, `is "${raw}", but must be a number of days between 0 and 3650 (e.g. 30)`);
  return days;
}

/** What the server checks in tokens beyond signature, role and subject. */
export function tokenPolicyOf(config: Config): { maxLifetimeSeconds: number; issuer?: string; audience?: string } {
  return { maxLifetimeSeconds: (config.jwtMaxTtlDays ?? 30) * 86400, issuer: config.jwtIssuer, audience: config.jwtAudience };
}

/** WEB_CONCURRENCY: a whole number from 1 to 64; default one process per core in production, else one. */
function readConcurrency(env: Env, nodeEnv: Config['nodeEnv']): number {
  const raw = env.WEB_CONCURRENCY?.trim();
  if (!raw) return nodeEnv === 'production' ? Math.max(1, os.availableParallelism()) : 1;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > 64) throw new ConfigError('WEB_CONCURRENCY', `is "${raw}", but must be a whole number of server processes from 1 to 64`);
  return n;
}

/** SWEEP_FACTS_BATCH: a whole number from 1 to 10,000, default FACTS_BATCH. */
function readFactsBatch(env: Env): number {
  const raw = env.SWEEP_FACTS_BATCH?.trim();
  if (!raw) return FACTS_BATCH;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > 10_000) throw new ConfigError('SWEEP_FACTS_BATCH', `is "${raw}", but must be a whole number of subjects from 1 to 10000 (default ${FACTS_BATCH})`);
  return n;
}

/** A whole number setting from `min` to `max`, or its default when unset. */
function readCount(env: Env, name: string, fallback: number, min: number, max: number, what: string): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const n = Number(raw);
  if (!/^\d+$/.test(raw) || n < min || n > max) throw new ConfigError(name, `is "${raw}", but must be a whole number of ${what} from ${min} to ${max}`);
  return n;
}

/**
 * TRUST_PROXY, Express's `trust proxy`: unset or false — the TCP peer is the client; a whole number
 * — that many proxies in front (the client is that many addresses from the end of
 * X-Forwarded-For); otherwise a comma-separated list of proxy addresses or subnets, or Express's
 * names `loopback`, `linklocal`, `uniquelocal`. `true` (trust every hop) is refused: any caller
 * could then name any address and escape the rate limit.
 */
function readTrustProxy(env: Env): boolean | number | string {
  const raw = env.TRUST_PROXY?.trim();
  if (!raw || /^(0|false|no)$/i.test(raw)) return false;
  if (/^(true|yes)$/i.test(raw)) throw new ConfigError('TRUST_PROXY', `is "${raw}", which would let any caller name its own address in X-Forwarded-For; give the number of proxies in front (1) or their addresses (loopback, 10.0.0.0/8)`);
  if (/^\d+$/.test(raw)) {
    const hops = Number(raw);
    if (hops > 10) throw new ConfigError('TRUST_PROXY', `is "${raw}", but must be a number of proxies from 0 to 10, or their addresses`);
    return hops;
  }
  if (!/^[0-9A-Za-z.:/, -]+$/.test(raw)) throw new ConfigError('TRUST_PROXY', `is "${raw}", but must be a number of proxies or a comma-separated list of addresses, subnets or loopback, linklocal, uniquelocal`);
  return raw;
}

/** SUBSCRIPTIONS_PUBLIC_PER_PROCESS: fewer than the process's limit, so signed-in roles always keep room. */
function readPublicShare(env: Env, perProcess: number): number {
  return readCount(env, 'SUBSCRIPTIONS_PUBLIC_PER_PROCESS', publicShareOf(perProcess), 0, perProcess - 1, 'public subscriptions per server process (fewer than SUBSCRIPTIONS_PER_PROCESS, which signed-in roles share with them)');
}

/** Reads and validates the configuration; throws ConfigError naming the setting at fault. */
export function loadConfig(env: Env = process.env, cwd: string = process.cwd()): Config {
  const nodeEnv = readNodeEnv(env);
  const subscriptionsPerProcess = readCount(env, 'SUBSCRIPTIONS_PER_PROCESS', SUBSCRIPTION_DEFAULTS.perProcess, 1, 100_000, 'subscriptions per server process');
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
    jwksUrl: env.JWKS_URL || undefined,
    jwtIssuer: env.JWT_ISSUER?.trim() || undefined,
    jwtAudience: env.JWT_AUDIENCE?.trim() || undefined,
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
  };
}
