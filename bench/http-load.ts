import { spawn } from 'node:child_process';
import autocannon from 'autocannon';
import { Role } from '../src/auth/role';
import { freePort } from '../src/db/embedded-postgres';
import { watchPeakMemory } from './memory';
import { BENCH_SECRET, benchAuthorization } from './token';

const EVALUATE = 'mutation ($id: ID!) { evaluate(subject: { type: CIVIL_SERVANT, id: $id }, matter: "PROMOTION") { id outcome } }';

async function waitUntilReady(url: string): Promise<void> {
  for (let i = 0; i < 300; i++) {
    const ready = await fetch(`${url}/readyz`).then((r) => r.ok, () => false);
    if (ready) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('the server did not become ready');
}

/**
 * (f) `evaluate` over HTTP: the real server (`node dist/src/main.js`, production settings) in its
 * own process, loaded by autocannon from this process with 50 connections, each sending one
 * request after another. Every call reads facts, runs the rules and stores a verdict and an audit row.
 */
export async function evaluateOverHttp(databaseUrl: string, ids: string[], connections: number, seconds: number) {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const server = spawn(process.execPath, ['dist/src/main.js'], {
    env: { ...process.env, NODE_ENV: 'production', PORT: String(port), HOST: '127.0.0.1', DATABASE_URL: databaseUrl, JWT_SECRET: BENCH_SECRET, SEED_DEMO_DATA: 'false', RULES_WATCH: 'false' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  try {
    await waitUntilReady(url);
    const authorization = await benchAuthorization(Role.OFFICER);
    const headers = { 'content-type': 'application/json', authorization };
    const probe = (await (await fetch(`${url}/graphql`, { method: 'POST', headers, body: JSON.stringify({ query: EVALUATE, variables: { id: ids[0] } }) })).json()) as { errors?: unknown };
    if (probe.errors) throw new Error(`evaluate failed: ${JSON.stringify(probe.errors)}`);
    const memory = watchPeakMemory(/dist\/src\/main\.js/);
    let next = 0;
    const latencies: number[] = [];
    let finish!: (result: autocannon.Result) => void;
    let fail!: (error: Error) => void;
    const finished = new Promise<autocannon.Result>((resolve, reject) => ((finish = resolve), (fail = reject)));
    const instance = autocannon({
      url: `${url}/graphql`,
      connections,
      duration: seconds,
      method: 'POST',
      headers,
      requests: [{ setupRequest: (request) => ({ ...request, body: JSON.stringify({ query: EVALUATE, variables: { id: ids[next++ % ids.length] } }) }) }],
    }, (error, result) => (error ? fail(error) : finish(result)));
    instance.on('response', (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
    const result = await finished;
    const peak = memory.stop();
    latencies.sort((a, b) => a - b);
    const at = (q: number) => Math.round(latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] * 10) / 10;
    return {
      evaluateRps: Math.round(result.requests.average),
      evaluateP50Ms: at(0.5),
      evaluateP95Ms: at(0.95),
      evaluateP99Ms: at(0.99),
      non2xx: result.non2xx,
      errors: result.errors,
      serverPeakRssMb: Math.max(0, ...Object.values(peak)),
    };
  } finally {
    server.kill('SIGTERM');
    await new Promise((resolve) => server.once('exit', resolve));
  }
}
