import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** The Prometheus metrics served at /metrics: one registry per process. */
export const registry = new Registry();
collectDefaultMetrics({ register: registry, prefix: 'chengxin_' });

export const requestsTotal = new Counter({
  name: 'chengxin_graphql_requests_total',
  help: 'GraphQL operations, by operation type and name.',
  labelNames: ['type', 'operation'] as const,
  registers: [registry],
});

export const errorsTotal = new Counter({
  name: 'chengxin_graphql_errors_total',
  help: 'Errors returned to clients, by code.',
  labelNames: ['code'] as const,
  registers: [registry],
});

export const evaluationSeconds = new Histogram({
  name: 'chengxin_evaluation_duration_seconds',
  help: 'Time to evaluate and store one verdict.',
  labelNames: ['matter'] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
  registers: [registry],
});

export const ruleReloadsTotal = new Counter({
  name: 'chengxin_rule_reloads_total',
  help: 'Rule reloads, by result: swapped, unchanged, rejected.',
  labelNames: ['result'] as const,
  registers: [registry],
});

export const rulesDegraded = new Gauge({
  name: 'chengxin_rules_degraded',
  help: '1 while the rules folder has errors and the last good rule set serves instead; 0 when the folder is in force.',
  registers: [registry],
});

export const sweepSubjectsTotal = new Counter({
  name: 'chengxin_sweep_subjects_total',
  help: 'Subjects evaluated by sweeps in this process, by matter and outcome (FAILED for subjects that could not be evaluated).',
  labelNames: ['matter', 'outcome'] as const,
  registers: [registry],
});

export const sweepChunkSeconds = new Histogram({
  name: 'chengxin_sweep_chunk_duration_seconds',
  help: 'Time to evaluate and commit one sweep chunk.',
  buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
  registers: [registry],
});

export const publicStatusCacheTotal = new Counter({
  name: 'chengxin_public_status_cache_total',
  help: 'Enterprise public statuses looked up in the cache of assessments, by result: hit (no assessment run) or miss (assessed).',
  labelNames: ['result'] as const,
  registers: [registry],
});

export const rateLimitedTotal = new Counter({
  name: 'chengxin_rate_limited_total',
  help: 'Anonymous (PUBLIC) GraphQL requests refused with RATE_LIMITED (HTTP 429) because their client address sent too many in the window.',
  registers: [registry],
});
