import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import autocannon from 'autocannon';
import type { Client } from 'pg';
import { Role } from '../src/auth/role';
import { freePort } from '../src/db/embedded-postgres';
import { processTree, watchPeakMemory } from './memory';
import { BENCH_SECRET, benchAuthorization } from './token';

const EVALUATE = 'mutation ($id: ID!) { evaluate(subject: { type: CIVIL_SERVANT, id: $id }, matter: "PROMOTION") { id outcome } }';

/** What an inspector's verdict page reads: every rule with its conditions and evidence, and the summary. */
const EXPLANATION =
  'query ($id: ID!) { verdict(id: $id) { id outcome explanation { day rules { ruleId fired conditions { path operator expected actual passed } evidence } summary(locale: "zh") } } }';

/** The server's processes: `node dist/src/main.js` and, with WEB_CONCURRENCY > 1, its cluster workers (same command line). */
const SERVER = /dist\/src\/main\.js/;

/** Until every server process has said it serves (its log line) and /readyz answers; at most 3 minutes (a busy machine). */
async function waitUntilReady(url: string, serving: () => number, processes: number): Promise<void> {
  for (let i = 0; i < 1800; i++) {
    const ready = serving() >= processes && (await fetch(`${url}/readyz`).then((r) => r.ok, () => false));
    if (ready) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`the server did not become ready (${serving()} of ${processes} processes serving)`);
}

/** CPU time (user + system, ms) of the process `root` and its descendants (the server's cluster workers), by pid. */
function cpuMsOf(root: number): Map<string, number> {
  const ticks = 100; // USER_HZ on Linux
  const found = new Map<string, number>();
  for (const pid of processTree(root)) {
    try {
      // Fields after the command name, which is in parentheses and may hold spaces: utime is the 14th field, stime the 15th.
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      found.set(pid, ((Number(fields[11]) + Number(fields[12])) * 1000) / ticks);
    } catch {
      // the process ended between listing and reading
    }
  }
  return found;
}

/** CPU ms the matching processes spent between two readings (processes present at both). */
function cpuSpent(before: Map<string, number>, after: Map<string, number>): number {
  let sum = 0;
  for (const [pid, ms] of after) sum += ms - (before.get(pid) ?? 0);
  return sum;
}

export interface LoadFigures {
  rps: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  /** Server CPU time (all its processes) ÷ answered calls. */
  cpuMs: number;
  calls: number;
  non2xx: number;
  errors: number;
  /** Answers that carried GraphQL errors (HTTP 200 with `errors`). */
  graphqlErrors: number;
}

/** autocannon from this process, `connections` of them each sending one request after another, for `seconds`. */
async function load(serverPid: number, url: string, headers: Record<string, string>, connections: number, seconds: number, body: () => string): Promise<LoadFigures> {
  const latencies: number[] = [];
  let graphqlErrors = 0;
  let finish!: (result: autocannon.Result) => void;
  let fail!: (error: Error) => void;
  const finished = new Promise<autocannon.Result>((resolve, reject) => ((finish = resolve), (fail = reject)));
  const cpuBefore = cpuMsOf(serverPid);
  const instance = autocannon(
    {
      url,
      connections,
      duration: seconds,
      method: 'POST',
      headers,
      requests: [{
        setupRequest: (request) => ({ ...request, body: body() }),
        onResponse: (_status, response) => {
          if (response.includes('"errors"')) graphqlErrors++;
        },
      }],
    },
    (error, result) => (error ? fail(error) : finish(result)),
  );
  instance.on('response', (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
  const result = await finished;
  const cpu = cpuSpent(cpuBefore, cpuMsOf(serverPid));
  latencies.sort((a, b) => a - b);
  const at = (q: number) => Math.round(latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] * 10) / 10;
  return {
    rps: Math.round(result.requests.average),
    p50Ms: at(0.5),
    p95Ms: at(0.95),
    p99Ms: at(0.99),
    cpuMs: Math.round((cpu / Math.max(1, latencies.length)) * 100) / 100,
    calls: latencies.length,
    non2xx: result.non2xx,
    errors: result.errors,
    graphqlErrors,
  };
}

async function post(url: string, headers: Record<string, string>, query: string, variables: Record<string, unknown>): Promise<Record<string, unknown>> {
  const answer = (await (await fetch(url, { method: 'POST', headers, body: JSON.stringify({ query, variables }) })).json()) as { data?: Record<string, unknown>; errors?: unknown };
  if (answer.errors) throw new Error(`${query.slice(0, 40)}… failed: ${JSON.stringify(answer.errors)}`);
  return answer.data!;
}

export interface HttpOptions {
  connections: number;
  seconds: number;
  /** WEB_CONCURRENCY for the server; undefined leaves the server's default. */
  webConcurrency?: number;
  /** Extra node options for the server (e.g. --cpu-prof). */
  nodeArgs?: string[];
  /** Which loads to run. */
  loads?: ('evaluate' | 'explanation')[];
}

/**
 * (f) `evaluate` and explanation reads over HTTP: the real server (`node dist/src/main.js`, production
 * settings) in its own processes, loaded by autocannon from this process. Every `evaluate` reads facts,
 * runs the rules and stores a verdict and an audit row; every explanation read (as an INSPECTOR, the
 * verdict page's selection) writes a READ_EXPLANATION audit row. CPU per call is the server's process
 * CPU time (every server process) ÷ answered calls; PostgreSQL's CPU is not in it.
 */
export async function evaluateOverHttp(db: Client, databaseUrl: string, ids: string[], options: HttpOptions) {
  const loads = options.loads ?? ['evaluate', 'explanation'];
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  // One bench token reads thousands of civil servants' explanations a minute: the per-token limit on
  // personal-data reads (PERSONAL_READS_PER_MINUTE, 60 by default) would answer most with 429, so it is off here;
  // so is the per-token bound on audited read rows (AUDITED_READS_PER_MINUTE, 2,000 by default), which its explanation reads pass,
  // and the one on stored evaluations (STORED_WRITES_PER_MINUTE, 120 by default), which its evaluate load passes.
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'production', PORT: String(port), HOST: '127.0.0.1', DATABASE_URL: databaseUrl, JWT_SECRET: BENCH_SECRET, SEED_DEMO_DATA: 'false', RULES_WATCH: 'false', PERSONAL_READS_PER_MINUTE: '0', AUDITED_READS_PER_MINUTE: '0', STORED_WRITES_PER_MINUTE: '0' };
  if (options.webConcurrency !== undefined) env.WEB_CONCURRENCY = String(options.webConcurrency);
  const server: ChildProcess = spawn(process.execPath, [...(options.nodeArgs ?? []), 'dist/src/main.js'], { env, stdio: ['ignore', 'pipe', 'inherit'] });
  let serving = 0;
  server.stdout!.on('data', (chunk: Buffer) => (serving += chunk.toString().split('Chengxin is serving GraphQL at').length - 1));
  try {
    await waitUntilReady(url, () => serving, options.webConcurrency ?? os.availableParallelism());
    const graphql = `${url}/graphql`;
    const officer = { 'content-type': 'application/json', authorization: await benchAuthorization(Role.OFFICER) };
    const inspector = { 'content-type': 'application/json', authorization: await benchAuthorization(Role.INSPECTOR) };
    // Warm-up: every server process answers a few calls of each kind before the clock starts.
    for (let i = 0; i < 20; i++) await post(graphql, officer, EVALUATE, { id: ids[(ids.length - 1 - i) % ids.length] });
    const memory = watchPeakMemory(SERVER, 200, server.pid);
    let evaluate: LoadFigures | null = null;
    let explanation: LoadFigures | null = null;
    if (loads.includes('evaluate')) {
      let next = 0;
      evaluate = await load(server.pid!, graphql, officer, options.connections, options.seconds, () => JSON.stringify({ query: EVALUATE, variables: { id: ids[next++ % ids.length] } }));
    }
    if (loads.includes('explanation')) {
      // Verdicts of every kind the table holds (sweeps', evaluate's), in a random order.
      // A database without verdicts (`npm run bench:http -- --only explanation`) gets a few first.
      const { rows: [{ n }] } = await db.query<{ n: number }>('select count(*)::int as n from verdict');
      for (let i = n; i < 200; i++) await post(graphql, officer, EVALUATE, { id: ids[i % ids.length] });
      const { rows } = await db.query<{ id: string }>('select id from verdict order by random() limit 2000');
      const verdicts = rows.map((r) => r.id);
      for (let i = 0; i < 20; i++) await post(graphql, inspector, EXPLANATION, { id: verdicts[i % verdicts.length] });
      let next = 0;
      explanation = await load(server.pid!, graphql, inspector, options.connections, options.seconds, () => JSON.stringify({ query: EXPLANATION, variables: { id: verdicts[next++ % verdicts.length] } }));
    }
    const peak = memory.stop();
    return {
      evaluateRps: evaluate?.rps ?? null,
      evaluateP50Ms: evaluate?.p50Ms ?? null,
      evaluateP95Ms: evaluate?.p95Ms ?? null,
      evaluateP99Ms: evaluate?.p99Ms ?? null,
      evaluateCpuMs: evaluate?.cpuMs ?? null,
      evaluateNon2xx: evaluate ? evaluate.non2xx + evaluate.errors + evaluate.graphqlErrors : null,
      explanationRps: explanation?.rps ?? null,
      explanationP50Ms: explanation?.p50Ms ?? null,
      explanationP95Ms: explanation?.p95Ms ?? null,
      explanationP99Ms: explanation?.p99Ms ?? null,
      explanationCpuMs: explanation?.cpuMs ?? null,
      explanationNon2xx: explanation ? explanation.non2xx + explanation.errors + explanation.graphqlErrors : null,
      serverProcesses: Object.keys(peak).length,
      serverPeakRssMb: Math.max(0, ...Object.values(peak)),
      serverPeakRssMbByProcess: peak,
    };
  } finally {
    server.kill('SIGTERM');
    await new Promise((resolve) => server.once('exit', resolve));
  }
}
