import type { ParseOptions } from 'graphql';
import { SUBSCRIPTION_DEFAULTS } from '../config-defaults';

/**
 * The limits every request must keep, checked before any resolver runs (limit-rules.ts during
 * validation, cost-limit.ts after). README.md ("Limits") states each one;
 * test/security/query-limits.test.ts tries each over HTTP.
 */
export const LIMITS = {
  /** Lexical tokens in one document (graphql-js counts them while parsing and stops at the limit). */
  tokens: 2_000,
  /** Nesting of fields, the top field counting 1; fragments add none. */
  depth: 12,
  /** Aliased fields in one operation, fragments counted each time they are spread (a screen of 30 candidates with two aliased fields each fits). */
  aliases: 60,
  /** Directives (@include, @skip …) in one operation. */
  directives: 30,
  /** Estimated cost: pages count `first` × their items, capped plain lists their cap × theirs (list-caps.ts), the rule set's lists their size in force × theirs (rule-set-sizes.ts), other nested lists 5 × theirs, costly fields their FIELD_COSTS, any other field 1. */
  cost: 100_000,
  /** Fields the cost estimate visits before it gives up and refuses (fragment fan-out). */
  costNodes: 5_000,
  /**
   * Fields the answer to a request without a token may hold, each list counted at its items as the
   * cost estimate counts them (query-cost.ts estimateFields), aliases each time: what the server
   * builds and sends for an anonymous caller, who may send PUBLIC_RATE_LIMIT requests a minute. The
   * cost limit alone let one build about 100,000 (60 aliases of a page of 100 with 16 fields); 60
   * aliases of `ruleSet { rules { … } }` held about 20,000 and cost about a CPU-second (hostile12 F1).
   * The console's public pages hold at most about 700; a page of 100 enterprises with every field
   * of their `publicStatus` about 10,100. Signed-in callers are held by `cost` alone.
   */
  publicFields: 15_000,
  /**
   * What loading the stored rows of its root pages and lists may cost a request without a token,
   * each row priced by its type (row-cost.ts ROW_COSTS, a unit about 5 µs of one core), aliases
   * each time: about 50 ms of bare rows, since what is read on them (provisional, stale, an
   * explanation) costs as much again or more: two pages of 100 verdicts with `provisional stale`
   * took 60 to 80 ms of CPU, five such pages 200 to 450 ms. 60 anonymous aliases of a verdict page,
   * each with another `first` so that none shares another's result, were 12,750 fields and took 1
   * to 2 CPU-seconds, blocking /healthz (hostile13 F1); they are now 211,500 and refused before any
   * statement. A page of 100 verdicts (5,000), of 100 enterprises (1,500), and the console's public
   * pages (pages of 20) fit. Signed-in callers are held by `cost` alone.
   */
  publicRowCost: 10_000,
  /**
   * Lists inside lists along one path (a connection's `edges` counts as one). Plain lists that grow
   * are capped (list-caps.ts) and counted at their cap; this keeps the product of caps small enough
   * to read (a page of agencies → their servants → their records is 3).
   */
  listNesting: 3,
  /**
   * Verdicts one request may store (`evaluate` and `recheck` root fields of a mutation, through
   * aliases and fragments). Each stores an immutable verdict and an audit row that cannot be
   * deleted, so 60 aliases of one `evaluate` would store 60 identical verdicts; a screen that wants
   * many answers reads them with `assess`, which stores nothing.
   */
  storedVerdicts: 10,
} as const;

/**
 * What one caller may hold open over WebSocket (src/graphql/websocket.ts). A socket costs a
 * connection and a listener per subscription for as long as it stays open, so these are counts, not
 * rates. The public is also counted per client address (PUBLIC_SOCKETS_PER_ADDRESS, websocket.ts)
 * and holds a share of the process's subscriptions only (SUBSCRIPTIONS_PUBLIC_PER_PROCESS, change-feed.ts).
 */
export const SOCKET_LIMITS = {
  /** Largest WebSocket message, in bytes (ws's own check; the connection closes with 1009). A subscription document is small. */
  maxPayload: 64 * 1024,
  /** Subscriptions running at once on one socket, those still being set up included: the default of SUBSCRIPTIONS_PER_SOCKET (src/config.ts). The process's limit is SUBSCRIPTIONS_PER_PROCESS. */
  subscriptionsPerSocket: SUBSCRIPTION_DEFAULTS.perSocket,
  /** Sockets open at once for one token holder (`sub`), whatever tokens they hold; one more closes the oldest (newest wins, websocket.ts). */
  socketsPerHolder: 10,
  /** Sockets open at once without a token, all public callers together, per server process. */
  publicSockets: 1_000,
} as const;

/**
 * graphql-js stops parsing at the token limit: an error the client gets as GRAPHQL_PARSE_FAILED.
 * (Armor's Apollo max-tokens plugin parses twice and turns syntax errors into HTTP 500.)
 */
export const parseOptions: ParseOptions = { maxTokens: LIMITS.tokens };
