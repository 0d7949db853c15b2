import 'reflect-metadata';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { loadConfig } from '../src/config';
import { openDatabase } from '../src/db/database';
import { initORM } from '../src/db/orm';
import { chinaDate } from '../src/domain/day';
import { SubjectType } from '../src/domain/subject';
import { runRules } from '../src/engine/rule-runner';
import { loadRuleSet } from '../src/engine/rule-set';
import { RuleSetHolder } from '../src/engine/rule-set-holder';
import { gatherFacts, type GatheredFacts } from '../src/evaluation/facts';
import { createFactsRunner } from '../src/graphql/facts-runner';
import { getFactsSchema, getSchema } from '../src/graphql/schema';
import { subjectsAfter } from '../src/db/repositories/subjects';
import { generate } from './generate';
import { evaluateOverHttp } from './http-load';
import { listPageStatements } from './list-page';
import { median, repeated } from './median';
import { engineRates } from './raw-engine';
import { sweep, type SweepFigures } from './sweep';
import { zenRate } from './zen';

/**
 * `npm run bench -- --subjects N`: generates N civil servants into a fresh database and measures,
 * in one run on that data, everything bench/README (BENCHMARKS.md) lists; writes
 * bench/results/latest.json and prints a table. Options: --matter PROMOTION, --http-seconds 10
 * (0 skips the HTTP load), --compare-workers (also sweep with one worker; on by default up to
 * 100,000 subjects), --repeat N (full sweeps, the median reported; 3 up to 100,000 subjects, else 1),
 * --growth-sweeps N (sweeps in all before writeGrowth is taken, 10 by default up to 100,000
 * subjects, else 0; 0 leaves it out).
 */
const args = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const SUBJECTS = Number(option('subjects', '10000'));
const MATTER = option('matter', 'PROMOTION');
const HTTP_SECONDS = Number(option('http-seconds', '10'));
const COMPARE_WORKERS = args.includes('--compare-workers') || SUBJECTS <= 100_000;
/** Full sweeps to run; the median one is reported (their figures all go to latest.json). */
const REPEAT = Number(option('repeat', SUBJECTS <= 100_000 ? '3' : '1'));
/** writeGrowth: the write cost of the Nth consecutive sweep of the population ÷ the first's. */
const GROWTH_SWEEPS = Number(option('growth-sweeps', SUBJECTS <= 100_000 ? '10' : '0'));
const AS_OF = '2026-11-01';
const RAW_SAMPLE = Math.min(SUBJECTS, 20_000);
const CLIENTS = 50;

/** Facts of a sample of subjects through the product's own facts query, held in memory for (a) and (h). */
async function sampleFacts(orm: Awaited<ReturnType<typeof initORM>>['orm'], holder: RuleSetHolder, asOf: Date) {
  const ids = (await subjectsAfter(orm.em, SubjectType.CIVIL_SERVANT, null, RAW_SAMPLE)).map((s) => s.id);
  const facts: GatheredFacts[] = [];
  const runner = createFactsRunner(await getFactsSchema(), orm.em, holder);
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    facts.push(...(await runner.read((run) => Promise.all(chunk.map((id) => gatherFacts(run, holder.current, { type: SubjectType.CIVIL_SERVANT, id }, asOf, chinaDate(asOf)))))));
  }
  return { ids, facts };
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
  const databaseUrl = url.toString();
  const { orm } = await initORM(databaseUrl);
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const started = performance.now();
    const { records } = await generate(db, SUBJECTS);
    await db.query('vacuum analyze');
    console.error(`Generated ${SUBJECTS} civil servants and ${records} records in ${((performance.now() - started) / 1000).toFixed(1)} s.`);

    const schema = await getSchema();
    const holder = new RuleSetHolder(loadRuleSet(path.resolve('rules'), schema));
    const asOf = new Date(`${AS_OF}T00:00:00+08:00`);
    const day = chinaDate(asOf);
    const rules = holder.current.rulesFor(SubjectType.CIVIL_SERVANT, MATTER);
    const { ids, facts } = await sampleFacts(orm, holder, asOf);

    console.error('(a) raw engine, (h) ZEN peer …');
    const engine = await engineRates(rules, facts, day);
    const fired = await Promise.all(facts.slice(0, 1000).map(async (f) => (await runRules(rules, { subject: f.subject, parameters: f.parameters }, day)).filter((r) => r.fired).map((r) => r.ruleId)));
    const zen = await zenRate(rules, facts, (i) => fired[i]);

    console.error('(g) list page …');
    // The server may refuse the page (its query cost limit): the bench says so and measures the rest.
    const listPage = await listPageStatements(databaseUrl).catch((error: Error) => {
      console.error(`(g) list page not measured: ${error.message}`);
      return { listPageStatements: null, listPageStatementsWithTotalCount: null, listPageWriteStatements: null, listPageServants: null, listPageRecords: null, listPageCost: null, listPageCostLimit: null, listPageError: error.message };
    });

    const sweeps: SweepFigures[] = [];
    let oneWorker: SweepFigures | null = null;
    if (COMPARE_WORKERS) {
      console.error('(b) sweep with one worker …');
      oneWorker = await sweep(db, databaseUrl, MATTER, AS_OF, 1);
      sweeps.push(oneWorker);
    }
    const full = await repeated(REPEAT, () => {
      console.error(`(b) sweep with ${os.availableParallelism()} workers …`);
      return sweep(db, databaseUrl, MATTER, AS_OF, os.availableParallelism());
    });
    sweeps.push(...full);
    const main = full.find((s) => s.rate === median(full.map((f) => f.rate)))!;
    // The same population swept again and again: does a sweep's write cost grow with the verdicts already stored?
    while (GROWTH_SWEEPS > 0 && sweeps.length < GROWTH_SWEEPS) {
      console.error(`(j) write growth: sweep ${sweeps.length + 1} of ${GROWTH_SWEEPS} …`);
      sweeps.push(await sweep(db, databaseUrl, MATTER, AS_OF, os.availableParallelism()));
    }
    const writeMsPerSubject = sweeps.map((s) => Number(((s.stageMs.write ?? 0) / s.subjects).toFixed(4)));
    const writeGrowth = GROWTH_SWEEPS > 1 ? Number((writeMsPerSubject[GROWTH_SWEEPS - 1] / writeMsPerSubject[0]).toFixed(2)) : null;

    const { rows: [size] } = await db.query(`select pg_total_relation_size('verdict') as bytes, count(*)::int as n from verdict`);
    if (HTTP_SECONDS > 0) console.error('(f) evaluate over HTTP …');
    const http = HTTP_SECONDS > 0 ? await evaluateOverHttp(db, databaseUrl, ids, { connections: CLIENTS, seconds: HTTP_SECONDS }) : null;

    // The target is per process: each kind's largest peak, never a sum (a worker's peak is the figure the 512 MB target is about).
    const benchRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
    const sweepPeaks = sweeps.flatMap((s) => Object.entries(s.peakRssMb));
    const peakOf = (kind: RegExp) => {
      const peaks = sweepPeaks.filter(([key]) => kind.test(key)).map(([, mb]) => mb);
      return peaks.length ? Math.max(...peaks) : null;
    };
    const peakRssMbWorker = peakOf(/chengxin\.js worker\b/);
    const peakRssMbCoordinator = peakOf(/chengxin\.js evaluate\b/);
    const peakRssMbServer = http?.serverPeakRssMb ?? null;
    const peakRssMb = Math.max(peakRssMbWorker ?? 0, peakRssMbCoordinator ?? 0, peakRssMbServer ?? 0, benchRssMb);
    const results = {
      subjects: SUBJECTS,
      matter: MATTER,
      records,
      rawEngineRate: engine.rawEngineRate,
      explainedEngineRate: engine.explainedEngineRate,
      endToEndRate: main.rate,
      endToEndSeconds: main.seconds,
      endToEndRates: full.map((s) => s.rate),
      ratio: Number((main.rate / engine.rawEngineRate).toFixed(3)),
      zenRate: zen,
      ratioToZen: Number((main.rate / zen).toFixed(3)),
      oneWorkerRate: oneWorker?.rate ?? null,
      speedupFromSecondWorker: oneWorker ? Number((main.rate / oneWorker.rate).toFixed(2)) : null,
      peakRssMb,
      peakRssMbWorker,
      peakRssMbCoordinator,
      peakRssMbServer,
      peakRssMbBench: benchRssMb,
      peakRssMbByProcess: { bench: benchRssMb, ...Object.fromEntries(sweeps.flatMap((s) => Object.entries(s.peakRssMb).map(([k, v]) => [`${s.workers}w ${k}`, v]))), ...(http ? Object.fromEntries(Object.entries(http.serverPeakRssMbByProcess).map(([k, v]) => [`server ${k.split(' ')[0]}`, v])) : {}) },
      bytesPerVerdict: Math.round(Number(size.bytes) / size.n),
      writeGrowth,
      writeMsPerSubject,
      evaluateRps: http?.evaluateRps ?? null,
      evaluateP50Ms: http?.evaluateP50Ms ?? null,
      evaluateP95Ms: http?.evaluateP95Ms ?? null,
      evaluateP99Ms: http?.evaluateP99Ms ?? null,
      evaluateCpuMs: http?.evaluateCpuMs ?? null,
      evaluateNon2xx: http?.evaluateNon2xx ?? null,
      explanationRps: http?.explanationRps ?? null,
      explanationP50Ms: http?.explanationP50Ms ?? null,
      explanationP95Ms: http?.explanationP95Ms ?? null,
      explanationP99Ms: http?.explanationP99Ms ?? null,
      explanationCpuMs: http?.explanationCpuMs ?? null,
      explanationNon2xx: http?.explanationNon2xx ?? null,
      serverProcesses: http?.serverProcesses ?? null,
      ...listPage,
      stageMs: main.stageMs,
      sweeps,
      machine: { cpus: os.availableParallelism(), memoryGb: Math.round(os.totalmem() / 2 ** 30), node: process.version, database: process.env.DATABASE_URL ? 'DATABASE_URL' : 'embedded PostgreSQL 17' },
      measuredAt: new Date().toISOString(),
    };
    mkdirSync(path.resolve('bench/results'), { recursive: true });
    writeFileSync(path.resolve('bench/results/latest.json'), `${JSON.stringify(results, null, 2)}\n`);
    const { sweeps: _detail, peakRssMbByProcess, stageMs, machine, ...table } = results;
    console.table(table);
    console.log('stage ms (summed over chunks):', stageMs);
    console.log('peak RSS MB by process:', peakRssMbByProcess);
  } finally {
    await db.end();
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
