import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { Engine } from 'json-rules-engine';
import { Client } from 'pg';
import pino from 'pino';
import { startApp } from '../src/app';
import { Role } from '../src/auth/role';
import { mintToken } from '../src/auth/tokens';
import { loadConfig } from '../src/config';
import { openDatabase } from '../src/db/database';
import { initORM } from '../src/db/orm';
import { chinaDate } from '../src/domain/credit-facts';
import { SubjectType } from '../src/domain/subject';
import { resolvePath } from '../src/engine/path';
import { runRules } from '../src/engine/rule-runner';
import { loadRuleSet } from '../src/engine/rule-set';
import { RuleSetHolder } from '../src/engine/rule-set-holder';
import { gatherFacts } from '../src/evaluation/evaluate.service';
import { evaluateChunk } from '../src/evaluation/sweep.service';
import { subjectsAfter } from '../src/registry/subjects';
import { createContext } from '../src/graphql/context';
import { getSchema } from '../src/graphql/schema';
import { generate } from './generate';

/**
 * `npm run bench -- --subjects N [--matter PROMOTION]`: generates N civil servants into a fresh
 * database and measures, in one run on the same data: the raw json-rules-engine rate over facts in
 * memory (one thread), the end-to-end rate from PostgreSQL to stored verdicts, their ratio, peak
 * memory, stored bytes per verdict, and where the end-to-end time goes.
 */
const args = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const SUBJECTS = Number(option('subjects', '10000'));
const MATTER = option('matter', 'PROMOTION');
const CHUNK = 500;
const CONCURRENT_CHUNKS = 4;
const RAW_SAMPLE = Math.min(SUBJECTS, 20_000);

const CLIENTS = 50;
const HTTP_SECONDS = 10;

/**
 * (f) `evaluate` over HTTP: the real server on the bench database, 50 clients each sending one
 * request after another for ten seconds (each stores a verdict and an audit row).
 */
async function evaluateOverHttp(databaseUrl: string, ids: string[]) {
  const secret = 'bench-secret-0123456789abcdef0123456789';
  const config = { ...loadConfig(), nodeEnv: 'production' as const, port: 0, host: '127.0.0.1', databaseUrl, seedDemoData: false, watchRules: false, jwtSecret: secret };
  const app = await startApp(config, pino({ level: 'silent' }));
  const authorization = `Bearer ${await mintToken(new TextEncoder().encode(secret), Role.OFFICER, 'bench', '1h')}`;
  const latencies: number[] = [];
  const until = Date.now() + HTTP_SECONDS * 1000;
  const client = async (n: number) => {
    for (let i = n; Date.now() < until; i += CLIENTS) {
      const started = performance.now();
      const response = await fetch(app.http.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization },
        body: JSON.stringify({ query: 'mutation ($id: ID!) { evaluate(subject: { type: CIVIL_SERVANT, id: $id }, matter: "PROMOTION") { id outcome } }', variables: { id: ids[i % ids.length] } }),
      });
      const body = (await response.json()) as { errors?: unknown };
      if (body.errors) throw new Error(JSON.stringify(body.errors));
      latencies.push(performance.now() - started);
    }
  };
  await Promise.all(Array.from({ length: CLIENTS }, (_, n) => client(n)));
  await app.stop();
  latencies.sort((a, b) => a - b);
  const at = (q: number) => Math.round(latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] * 10) / 10;
  return { rps: Math.round(latencies.length / HTTP_SECONDS), p50: at(0.5), p95: at(0.95), p99: at(0.99) };
}

async function main(): Promise<void> {
  const config = { ...loadConfig(), dataDir: path.resolve('.data/bench'), seedDemoData: false };
  const database = await openDatabase(config, (m) => console.error(m));
  const name = `chengxin_bench_${Date.now()}`;
  const admin = new Client({ connectionString: database.clientUrl });
  await admin.connect();
  await admin.query(`create database "${name}"`);
  const url = new URL(database.clientUrl);
  url.pathname = `/${name}`;
  const { orm } = await initORM(url.toString(), { pool: { min: 2, max: 20 } });
  try {
    let started = performance.now();
    const data = new Client({ connectionString: url.toString() });
    await data.connect();
    const { records } = await generate(data, SUBJECTS).finally(() => data.end());
    const generateSeconds = (performance.now() - started) / 1000;
    console.error(`Generated ${SUBJECTS} civil servants and ${records} records in ${generateSeconds.toFixed(1)} s.`);

    const schema = await getSchema();
    const ruleSet = loadRuleSet(path.resolve('rules'), schema);
    const holder = new RuleSetHolder(ruleSet);
    const asOf = new Date('2026-11-01T00:00:00+08:00');
    const day = chinaDate(asOf);
    const rules = ruleSet.rulesFor(SubjectType.CIVIL_SERVANT, MATTER);

    // (a) The raw engine: json-rules-engine alone, facts in memory, one thread, dotted paths.
    const sampleIds = (await subjectsAfter(orm.em, SubjectType.CIVIL_SERVANT, null, RAW_SAMPLE)).map((s) => s.id);
    const facts = [];
    for (let i = 0; i < sampleIds.length; i += CHUNK) {
      const em = orm.em.fork();
      const runFacts = createContext(em, holder, schema).runFacts;
      facts.push(...(await Promise.all(sampleIds.slice(i, i + CHUNK).map((id) => gatherFacts({ em, ruleSet, runFacts }, { type: SubjectType.CIVIL_SERVANT, id }, asOf, day)))));
    }
    const engine = new Engine(rules.map((r) => ({ name: r.id, priority: r.priority ?? 1, conditions: r.conditions as never, event: r.event })), { allowUndefinedFacts: true, pathResolver: resolvePath });
    started = performance.now();
    for (const f of facts) await engine.run({ subject: f.subject, parameters: f.parameters });
    const rawEngineRate = facts.length / ((performance.now() - started) / 1000);
    started = performance.now();
    for (const f of facts) await runRules(rules, { subject: f.subject, parameters: f.parameters }, day);
    const explainedEngineRate = facts.length / ((performance.now() - started) / 1000);

    // (b) End to end: PostgreSQL → facts through the GraphQL facts query → rules → verdicts stored in bulk.
    const stageMs = { facts: 0, engine: 0, write: 0 };
    let evaluated = 0;
    let after: string | null = null;
    started = performance.now();
    const pending: Promise<void>[] = [];
    for (;;) {
      const ids: string[] = (await subjectsAfter(orm.em, SubjectType.CIVIL_SERVANT, after, CHUNK)).map((s) => s.id);
      if (!ids.length) break;
      after = ids[ids.length - 1];
      const em = orm.em.fork();
      pending.push(
        evaluateChunk(em, createContext(em, holder, schema).runFacts, ruleSet, SubjectType.CIVIL_SERVANT, MATTER, ids, asOf).then((r) => {
          evaluated += r.evaluated;
          stageMs.facts += r.stageMs.facts;
          stageMs.engine += r.stageMs.engine;
          stageMs.write += r.stageMs.write;
        }),
      );
      if (pending.length >= CONCURRENT_CHUNKS) await pending.shift();
    }
    await Promise.all(pending);
    const endToEndSeconds = (performance.now() - started) / 1000;
    const endToEndRate = evaluated / endToEndSeconds;

    const [size] = await orm.em.getConnection().execute(`select pg_total_relation_size('verdict') as bytes, count(*)::int as n from verdict`);
    const http = await evaluateOverHttp(url.toString(), sampleIds);
    const results = {
      subjects: SUBJECTS,
      matter: MATTER,
      records,
      rawEngineRate: Math.round(rawEngineRate),
      explainedEngineRate: Math.round(explainedEngineRate),
      endToEndRate: Math.round(endToEndRate),
      endToEndSeconds: Number(endToEndSeconds.toFixed(1)),
      ratio: Number((endToEndRate / rawEngineRate).toFixed(3)),
      peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
      bytesPerVerdict: Math.round(Number(size.bytes) / size.n),
      evaluateRps: http.rps,
      evaluateP50Ms: http.p50,
      evaluateP95Ms: http.p95,
      evaluateP99Ms: http.p99,
      stageMs: Object.fromEntries(Object.entries(stageMs).map(([k, v]) => [k, Math.round(v)])),
      machine: { cpus: require('node:os').cpus().length, node: process.version },
      measuredAt: new Date().toISOString(),
    };
    writeFileSync(path.resolve('bench/results/latest.json'), `${JSON.stringify(results, null, 2)}\n`);
    console.table(results);
  } finally {
    await orm.close();
    await admin.query(`drop database if exists "${name}" with (force)`);
    await admin.end();
    await database.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
