import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import path from 'node:path';
import { Client } from 'pg';
import { initORM } from '../src/db/orm';
import { chinaDate } from '../src/domain/day';
import { SubjectType } from '../src/domain/subject';
import { decide } from '../src/evaluation/decide';
import { gatherChunkFacts, gatherFacts, type GatheredFacts } from '../src/evaluation/facts';
import { loadRuleSet } from '../src/engine/rule-set';
import { RuleSetHolder } from '../src/engine/rule-set-holder';
import { createFactsRunner } from '../src/graphql/facts-runner';
import { getFactsSchema, getSchema } from '../src/graphql/schema';
import { generate } from './generate';
import { median } from './median';
import { FACTS_BATCH } from '../src/config-defaults';

/**
 * The sweep's stages in one process, in CPU time per subject (process.cpuUsage, which another
 * program's load on the machine disturbs far less than wall time): the facts of chunks of 1,000
 * civil servants read by one execution of the facts query per chunk (what a sweep did), by
 * one execution per batch of SWEEP_FACTS_BATCH subjects within the chunk (what it does now), and by
 * one execution per subject (what evaluate does for one subject), in
 * alternating passes; then deciding them. Generates its own database from DATABASE_URL's server.
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/test node dist/bench/facts-stage.js --subjects 3000 --passes 5
 *
 * `--cpu-prof FILE` writes a V8 CPU profile of the measured passes of the sweep's way (batches)
 * alone, not of generating the data or the other ways (`--profile-way perSubject` or `chunk`: of that way instead); `node dist/bench/profile-summary.js FILE`
 * shows where its time went.
 */
const args = process.argv.slice(2);
const option = (name: string, fallback: string) => (args.includes(`--${name}`) ? args[args.indexOf(`--${name}`) + 1] : fallback);
const SUBJECTS = Number(option('subjects', '3000'));
const PASSES = Number(option('passes', '5'));
const CHUNK = 1000;
/** What a sweep reads at once within a chunk (SWEEP_FACTS_BATCH), beside reading the whole chunk at once. */
const BATCH = Number(option('batch', String(FACTS_BATCH)));
const MATTER = 'PROMOTION';
const PROFILE = option('cpu-prof', '');
/** The way `--cpu-prof` profiles: batches (the sweep's), chunk, or perSubject (evaluate's). */
const PROFILED_WAY = option('profile-way', 'batches');

type Profile = import('node:inspector').Profiler.Profile;
/** The profiled passes as one profile: each pass's nodes renumbered after the previous passes'. */
let merged: Profile | undefined;
function mergeProfile(profile: Profile): void {
  if (!merged) {
    merged = profile;
    return;
  }
  const offset = Math.max(...merged.nodes.map((n) => n.id));
  for (const node of profile.nodes) {
    node.id += offset;
    if (node.children) node.children = node.children.map((c) => c + offset);
  }
  merged.nodes.push(...profile.nodes);
  merged.samples!.push(...profile.samples!.map((s) => s + offset));
  merged.timeDeltas!.push(...profile.timeDeltas!);
  merged.endTime += profile.endTime - profile.startTime;
}

async function main(): Promise<void> {
  const server = process.env.DATABASE_URL;
  if (!server) throw new Error('Set DATABASE_URL to a PostgreSQL server; the bench makes a database of its own there.');
  const name = `chengxin_facts_${Date.now()}`;
  const admin = new Client({ connectionString: server });
  await admin.connect();
  await admin.query(`create database "${name}"`);
  const url = new URL(server);
  url.pathname = `/${name}`;
  const { orm } = await initORM(url.toString());
  const db = new Client({ connectionString: url.toString() });
  await db.connect();
  try {
    await generate(db, SUBJECTS);
    await db.query('vacuum analyze');
    const schema = await getSchema();
    const holder = new RuleSetHolder(loadRuleSet(path.resolve('rules'), schema));
    const ruleSet = holder.current;
    const ids = (await db.query<{ id: string }>('select id from civil_servant order by id')).rows.map((r) => r.id);
    const asOf = new Date('2026-11-01T00:00:00+08:00');
    const day = chinaDate(asOf);
    const runner = createFactsRunner(await getFactsSchema(), orm.em, holder);
    const type = SubjectType.CIVIL_SERVANT;
    const readAtOnce = (chunk: string[]) => runner.read((run, runChunk) => gatherChunkFacts(run, runChunk, ruleSet, type, chunk, asOf, day));
    const ways: Record<string, (chunk: string[]) => Promise<(GatheredFacts | Error)[]>> = {
      chunk: readAtOnce,
      batches: async (chunk) => {
        const all: (GatheredFacts | Error)[] = [];
        for (let i = 0; i < chunk.length; i += BATCH) all.push(...(await readAtOnce(chunk.slice(i, i + BATCH))));
        return all;
      },
      perSubject: (chunk) => runner.read((run) => Promise.all(chunk.map((id) => gatherFacts(run, ruleSet, { type, id }, asOf, day).catch((e: Error) => e)))),
    };
    const cpu: Record<string, number[]> = { chunk: [], batches: [], perSubject: [] };
    let facts: (GatheredFacts | Error)[] = [];
    const profiler = PROFILE ? new Session() : undefined;
    if (profiler) {
      profiler.connect();
      await profiler.post('Profiler.enable');
    }
    for (let pass = 0; pass <= PASSES; pass++) {
      for (const [way, read] of Object.entries(ways)) {
        const profiled = profiler && pass > 0 && way === PROFILED_WAY;
        if (profiled) await profiler.post('Profiler.start');
        const started = process.cpuUsage();
        const all: (GatheredFacts | Error)[] = [];
        for (let i = 0; i < ids.length; i += CHUNK) all.push(...(await read(ids.slice(i, i + CHUNK))));
        const used = process.cpuUsage(started);
        if (profiled) mergeProfile((await profiler.post('Profiler.stop')).profile);
        if (pass > 0) cpu[way].push((used.user + used.system) / ids.length); // pass 0 warms up
        if (way !== 'chunk' && JSON.stringify(all.map((f) => (f instanceof Error ? f.message : f.subject))) !== JSON.stringify(facts.map((f) => (f instanceof Error ? f.message : f.subject)))) {
          throw new Error('the two ways read different facts');
        }
        facts = all;
      }
    }
    if (profiler) {
      writeFileSync(PROFILE, JSON.stringify(merged));
      profiler.disconnect();
    }
    const decided: number[] = [];
    for (let pass = 0; pass <= PASSES; pass++) {
      const started = process.cpuUsage();
      for (const [i, f] of facts.entries()) if (!(f instanceof Error)) await decide(ruleSet, { type, id: ids[i] }, MATTER, asOf, f);
      const used = process.cpuUsage(started);
      if (pass > 0) decided.push((used.user + used.system) / ids.length);
    }
    const us = (values: number[]) => `${Math.round(median(values))} µs (passes: ${values.map(Math.round).join(', ')})`;
    console.log(`${SUBJECTS} civil servants, chunks of ${CHUNK}, CPU per subject, median of ${PASSES} passes:`);
    console.log(`  facts, one execution per chunk:   ${us(cpu.chunk)}`);
    console.log(`  facts, one per batch of ${BATCH}:${' '.repeat(Math.max(1, 9 - String(BATCH).length))}${us(cpu.batches)}`);
    console.log(`  facts, one execution per subject: ${us(cpu.perSubject)}`);
    console.log(`  decide (engine and explanation):  ${us(decided)}`);
  } finally {
    await db.end();
    await orm.close();
    await admin.query(`drop database if exists "${name}" with (force)`);
    await admin.end();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
