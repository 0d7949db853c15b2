import { profileFromArgs } from './cpu-profile-file';

/**
 * Where a server's CPU profile went by stage of a request (issue 13, stop 31): each busy sample is
 * given to the first stage one of its frames names, walking from the sampled function outwards, so
 * a socket write under node-postgres counts as "PostgreSQL statements" and one under express's
 * `res.end` as "response". Promise continuations start a fresh stack (their caller is the microtask
 * queue), so a sample counts where its own stack says, not where the request was.
 *
 *   node dist/bench/profile-stages.js FILE [--from processGraphQLRequest] [--skip-seconds 1]
 *
 * --from starts the count at the first sample with a frame of that name (the first request: the
 * server's start left out, however long a loaded machine made it); --skip-seconds leaves out that
 * many seconds more (the bench's warm-up calls).
 */
const { profile, option } = profileFromArgs();
const skip = Number(option('skip-seconds', '0')) * 1e6;
const from = option('from', '');

/** Stages in the order a frame is tested; the first matching frame from the leaf decides. */
const STAGES: [string, RegExp][] = [
  ['garbage collection', /^\(garbage collector\)/],
  ['async hooks (AsyncLocalStorage)', /^(promiseInitHook|promiseBeforeHook|promiseAfterHook|promiseResolveHook|trackPromise|emitInitScript|emitInitNative|_propagate) node:(internal\/)?async_hooks/],
  ['PostgreSQL statements (pg, pg-protocol, socket)', /node_modules\/(pg|pg-protocol|pg-pool)\//],
  ['MikroORM, knex', /node_modules\/(@mikro-orm\/[^/]+|knex|tarn)\//],
  ['auth (token verifier, jose)', /src\/auth\/|node_modules\/jose\//],
  ['request log (pino, pino-http)', /node_modules\/(pino|pino-http|pino-std-serializers|@pinojs\/redact|sonic-boom)\//],
  ['metrics (prom-client)', /node_modules\/prom-client\//],
  ['query cost limit', /src\/engine\/query-cost|src\/graphql\/assessment-limit/],
  ['rule engine (json-rules-engine, src/engine)', /node_modules\/json-rules-engine\/|src\/engine\//],
  ['verdict + audit insert', /src\/db\/repositories\/verdict\.repository/],
  ['facts read (facts runner, loaders, graphql-jit)', /src\/graphql\/(facts|fact-rows|loaders|subject-rows|direct-facts|lazy-members)|node_modules\/(graphql-jit|dataloader)\//],
  ['evaluation (decide, explanation, digests)', /src\/evaluation\//],
  ['GraphQL parse, validate, execute (graphql-js)', /node_modules\/graphql\//],
  ['type-graphql, class-validator', /node_modules\/(type-graphql|class-validator|class-transformer)\//],
  ['Apollo server and plugins', /node_modules\/@apollo\/|node_modules\/@as-integrations\//],
  ['rate limits', /node_modules\/express-rate-limit\//],
  ['HTTP (express, router, body-parser, response, its socket writes)', /node_modules\/(express|router|body-parser|raw-body|finalhandler|send|negotiator|type-is|content-type|parseurl|iconv-lite|on-finished|accepts)\/|node:_http|src\/graphql\/http-limits\/answer-deadline/],
];
/** Tested only when no frame of the stack names a stage above. */
const FALLBACKS: [string, RegExp][] = [
  ['other chengxin', /src\//],
  ['socket writes outside the above', /^(writev|writeBuffer|writeString) /],
];

function stageOf(names: string[], stages: [string, RegExp][]): string | undefined {
  for (const name of names) for (const [label, pattern] of stages) if (pattern.test(name)) return label;
  return undefined;
}

const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parentOf = new Map<number, number>();
for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);
const perStage = new Map<string, number>();
const namesOf = (id: number) => {
  const names: string[] = [];
  for (let at: number | undefined = id; at !== undefined; at = parentOf.get(at)) {
    const { functionName, url, lineNumber } = byId.get(at)!.callFrame;
    names.push(`${functionName} ${url}:${lineNumber + 1}`);
  }
  return names;
};
let busy = 0;
let clock = 0;
let started: number | undefined = from ? undefined : 0;
for (const [i, id] of profile.samples.entries()) {
  const time = profile.timeDeltas[i] ?? 0;
  clock += time;
  if (started === undefined && namesOf(id).some((name) => name.startsWith(`${from} `))) started = clock;
  if (started === undefined || clock < started + skip) continue;
  const leaf = byId.get(id)!.callFrame;
  if (leaf.functionName === '(idle)' || leaf.url === 'node:inspector') continue;
  busy += time;
  const names = namesOf(id);
  const stage = stageOf(names, STAGES) ?? stageOf(names, FALLBACKS) ?? 'other (node internals, native)';
  perStage.set(stage, (perStage.get(stage) ?? 0) + time);
}
console.log(`${(busy / 1000).toFixed(0)} ms busy from ${((started ?? 0) / 1e6).toFixed(1)} + ${skip / 1e6} s into the profile; by stage:`);
for (const [name, time] of [...perStage].sort((a, b) => b[1] - a[1])) console.log(`${(time / 1000).toFixed(0).padStart(8)} ms ${((100 * time) / busy).toFixed(1).padStart(5)} %  ${name}`);
