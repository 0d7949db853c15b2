/**
 * The defaults of the settings that have one worth explaining, read by src/config.ts when a setting
 * is unset and by the modules that hold the limit when a hand-built Config leaves it out.
 */

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
/**
 * evaluate, recheck and previewRules calls per token holder a minute (stored-write-limit.ts, hostile21
 * N2): two a second, above what a person evaluating from the console sends; many subjects are a sweep's.
 */
export const STORED_WRITES_PER_MINUTE_DEFAULT = 120;

/** Anonymous requests one client address may have under way at once (http-limits/anonymous-requests.ts): a browser opens about six connections. */
export const PUBLIC_IN_FLIGHT_DEFAULT = 10;

/** The public's share of a process's subscriptions when SUBSCRIPTIONS_PUBLIC_PER_PROCESS is unset: a quarter. */
export const publicShareOf = (perProcess: number): number => Math.floor(perProcess / 4);

/**
 * How long a key set fetched from JWKS_URL is trusted before it is fetched again (JWKS_CACHE_SECONDS,
 * jose's `cacheMaxAge`, 10 minutes by default): a key the identity provider withdraws, after a
 * compromise say, stops verifying within this time in every process (hostile21 N3). A key set changes
 * rarely; one fetch a minute per process costs the IdP nothing. A token with an unknown `kid`
 * refetches sooner (at most every 30 s, jose's `cooldownDuration`). Bounds: from 1 s (a fetch per
 * second per process at worst) to 3,600 s (an hour a withdrawn key still verifies).
 */
export const JWKS_CACHE_DEFAULT_SECONDS = 60;
export const JWKS_CACHE_BOUNDS = { min: 1, max: 3_600 } as const;
